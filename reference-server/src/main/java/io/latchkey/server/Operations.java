package io.latchkey.server;

import java.nio.charset.StandardCharsets;

/** Liveness, readiness, metrics, the OpenAPI document and Swagger UI: what an operator and a reverse proxy use. */
final class Operations {

    /** The Swagger UI webjar's version: its files are served under {@code /webjars/swagger-ui/VERSION/}. */
    static final String SWAGGER_UI = "5.34.1";

    record Health(String status) {
    }

    private Operations() {
    }

    static void declare(Api api, LatchkeyServer server) {
        api.area("Operations");
        api.get("/health").open().summary("Liveness: the process answers").handle(c -> new Health("UP"));
        api.get("/health/ready").open().summary("Readiness: the database answers and its schema is migrated")
                .handle(c -> server.ready() ? new Health("UP") : new Api.Status(503, new Health("DOWN")));
        api.get("/metrics").open().produces("text/plain").summary("Metrics in the Prometheus text format")
                .handle(c -> new Api.Binary("text/plain; version=0.0.4; charset=utf-8",
                        server.metrics().scrape().getBytes(StandardCharsets.UTF_8)));
        api.get("/openapi.json").open().summary("This API's OpenAPI 3 document")
                .handle(c -> OpenApi.document(server.api().routes()));
        api.get("/docs").open().produces("text/html").summary("Swagger UI over /openapi.json")
                .handle(c -> new Api.Binary("text/html; charset=utf-8", docs().getBytes(StandardCharsets.UTF_8)));
    }

    private static String docs() {
        String base = "/webjars/swagger-ui/" + SWAGGER_UI + "/";
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Latchkey API</title>
                <link rel="stylesheet" href="%1$sswagger-ui.css"></head>
                <body><div id="ui"></div>
                <script src="%1$sswagger-ui-bundle.js"></script>
                <script>SwaggerUIBundle({url: "/openapi.json", dom_id: "#ui"});</script>
                </body></html>
                """.formatted(base);
    }
}
