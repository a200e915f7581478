// Swagger UI over this server's OpenAPI description; nothing is fetched from another host.
(function () {
  var parameters = JSON.parse(document.getElementById("swagger-parameters").textContent);
  parameters.url = "/openapi.json";
  parameters.dom_id = "#swagger-ui";
  parameters.presets = [SwaggerUIBundle.presets.apis];
  parameters.layout = "BaseLayout";
  window.ui = SwaggerUIBundle(parameters);
})();
