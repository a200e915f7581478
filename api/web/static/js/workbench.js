// The SPARQL workbench: Yasgui over this server's endpoint, offline (no prefix.cc, no LOV),
// the project's prefixes, every named query as a ready example and results as a table.
(function () {
  var config = JSON.parse(document.getElementById("workbench-config").textContent);
  var endpoint = window.location.origin + "/sparql";
  Yasgui.defaults.requestConfig.endpoint = endpoint;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST", acceptHeaderSelect: "application/sparql-results+json",
                     acceptHeaderGraph: "text/turtle" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    corsProxy: undefined,
    yasqe: { value: config.start, autocompleters: ["prefixes", "variables"], prefixCcApi: null,
             resizeable: true, editorHeight: "18rem", persistenceId: null },
    yasr: { defaultPlugin: "table", prefixes: config.prefixes, persistenceId: null }
  });
  window.yasgui = yasgui;
  // Yasgui draws its own fields (endpoint, filter, page size, the editor's input) without labels:
  // name each by its placeholder or role so that screen readers can tell them apart.
  function labelFields() {
    var fields = document.querySelectorAll("#yasgui input, #yasgui select, #yasgui textarea");
    Array.prototype.forEach.call(fields, function (field) {
      if (field.getAttribute("aria-label") || (field.id && document.querySelector("label[for='" + field.id + "']"))) {
        return;
      }
      var name = field.getAttribute("placeholder") || field.getAttribute("title") || field.getAttribute("name");
      if (!name && field.closest(".CodeMirror")) { name = config.labels.editor; }
      if (!name && field.type === "checkbox" && field.parentElement) { name = field.parentElement.textContent.trim(); }
      field.setAttribute("aria-label", name || config.labels.field);
    });
  }
  labelFields();
  ["tabSelect", "tabAdd", "queryResponse", "tabChange"].forEach(function (event) {
    yasgui.on(event, function () { window.setTimeout(labelFields, 0); });
  });
  var byName = {};
  config.examples.forEach(function (example) { byName[example.name] = example; });
  var select = document.getElementById("example-select");
  function load(name) {
    var example = byName[name];
    if (!example) { return; }
    var tab = yasgui.getTab();
    tab.setQuery(example.query);
    tab.setName(example.name);
  }
  document.getElementById("example-load").addEventListener("click", function () { load(select.value); });
  // /sparql?example=NAME opens a named query (the query pages link here)
  var asked = new URLSearchParams(window.location.search).get("example");
  if (asked && byName[asked]) { select.value = asked; load(asked); }
})();
