// Talaia's API docs: Swagger UI from the bundled files, reading this server's OpenAPI document.
// An external script (no inline one) so the Content-Security-Policy can forbid inline scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: document.getElementById("swagger-ui").dataset.openapi,
    dom_id: "#swagger-ui",
    validatorUrl: null,  // never send the spec to validator.swagger.io
    deepLinking: true,
  });
});
