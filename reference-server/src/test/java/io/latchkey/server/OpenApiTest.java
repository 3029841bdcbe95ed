package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /openapi.json documents every route the server answers, and nothing else, and is a valid OpenAPI 3 document. */
class OpenApiTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint parsed : server.server.app().unsafe.internalRouter.allHttpHandlers()) {
            if (parsed.endpoint.method.isHttpMethod() && !parsed.endpoint.method.name().equals("HEAD")) {
                registered.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
            }
        }
        JsonNode doc = server.get("/openapi.json", null).expect(200).json();
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.path("paths").path(path).fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        assertEquals(registered, documented);
        assertTrue(documented.contains("POST /api/v1/credentials"), "the API is there, not only operations");
        assertTrue(documented.size() > 60, "every endpoint of API.md: " + documented.size());
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        String json = new String(server.get("/openapi.json", null).expect(200).bytes(), StandardCharsets.UTF_8);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, null);
        assertEquals(java.util.List.of(), result.getMessages());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getComponents().getSchemas().containsKey("AccountLogin"),
                () -> "request bodies have schemas: " + result.getOpenAPI().getComponents().getSchemas().keySet());
    }

    @Test
    void swaggerUiServesTheDocument() {
        String page = new String(server.get("/docs", null).expect(200).bytes(), StandardCharsets.UTF_8);
        assertTrue(page.contains("/openapi.json"));
        String script = "/webjars/swagger-ui/" + Operations.SWAGGER_UI + "/swagger-ui-bundle.js";
        assertTrue(page.contains(script));
        server.get(script, null).expect(200);
    }
}
