// Draws the comparison charts with the vendored Vega-Lite (no network: data is inline in the page).
(function () {
  var source = document.getElementById("chart-data");
  if (!source || typeof vegaEmbed === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var words = JSON.parse(document.getElementById("chart-words").textContent);
  var options = {actions: false, renderer: "svg"};
  var base = {$schema: "https://vega.github.io/schema/vega-lite/v5.json", width: "container", autosize: {type: "fit", contains: "padding"}};
  function empty(id, text) { document.getElementById(id).textContent = text; }
  if (data.targets.length) {
    vegaEmbed("#chart-targets", Object.assign({}, base, {
      height: 260,
      data: {values: data.targets},
      mark: {type: "point", filled: true, size: 90, opacity: 0.8},
      encoding: {
        x: {field: "year", type: "ordinal", title: words.year, axis: {labelAngle: 0}},
        xOffset: {field: "column", type: "nominal"},
        y: {field: "value", type: "quantitative", title: words.target + " (%)", scale: {zero: true}},
        color: {field: "column", type: "nominal", title: null, legend: {orient: "bottom", columns: 1, labelLimit: 300}},
        shape: {field: "column", type: "nominal", legend: null},
        tooltip: [{field: "column"}, {field: "kind"}, {field: "subject"}, {field: "year"}, {field: "value", title: "%"}]
      }
    }), options);
  } else { empty("chart-targets", words.none); }
  if (data.coverage.length) {
    vegaEmbed("#chart-coverage", Object.assign({}, base, {
      height: {step: 28},
      data: {values: data.coverage},
      mark: "bar",
      encoding: {
        y: {field: "plan", type: "nominal", title: null, axis: {labelLimit: 220}},
        x: {field: "share", type: "quantitative", title: "%", scale: {domain: [0, 100]}},
        color: {field: "column", type: "nominal", title: null, legend: null},
        tooltip: [{field: "plan"}, {field: "share", title: "%"}, {field: "tasks", title: "tasks"}]
      }
    }), options);
  } else { empty("chart-coverage", words.none); }
})();
