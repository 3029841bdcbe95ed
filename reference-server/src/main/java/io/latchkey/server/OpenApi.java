package io.latchkey.server;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document of the declared routes: every path and method, its parameters, its request body's
 * schema (read from the body's record, so it cannot drift from what the server parses), its status and the
 * error answer, and who may call it.
 */
final class OpenApi {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    static Map<String, Object> document(List<Api.Route> routes) {
        Map<String, Object> schemas = new TreeMap<>();
        schemas.put("Error", object(Map.of("error", object(Map.of(
                "code", Map.of("type", "string", "description", "a stable, typed code (ErrorCode's name)"),
                "message", Map.of("type", "string"),
                "field", Map.of("type", "string", "nullable", true, "description", "the field at fault"))))));
        Map<String, Object> paths = new TreeMap<>();
        for (Api.Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(),
                    p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(java.util.Locale.ROOT), operation(route, schemas));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Latchkey reference server", "version", "1",
                "description", "Credential pools, license codes, service packages and devices handed out through "
                        + "a partner channel. Sign in with POST /api/v1/auth/login, then send the token as "
                        + "'Authorization: Bearer …'. Every write accepts Idempotency-Key; lists take limit and "
                        + "cursor and answer {items, nextCursor}."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer"),
                "device", Map.of("type", "http", "scheme", "basic",
                        "description", "the device's serial number and its printed password"))));
        return doc;
    }

    private static Map<String, Object> operation(Api.Route route, Map<String, Object> schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(route.tag()));
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        List<Object> parameters = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(route.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string")));
        }
        for (String name : route.query()) {
            parameters.add(Map.of("name", name, "in", "query", "required", false, "schema", Map.of("type", "string")));
        }
        if (route.list()) {
            parameters.add(Map.of("name", "limit", "in", "query", "required", false, "schema",
                    Map.of("type", "integer", "minimum", 1, "maximum", Call.MAX_LIMIT, "default", Call.DEFAULT_LIMIT)));
            parameters.add(Map.of("name", "cursor", "in", "query", "required", false, "schema",
                    Map.of("type", "string"), "description", "the nextCursor of the previous page"));
        }
        if (route.writes()) {
            parameters.add(Map.of("name", "Idempotency-Key", "in", "header", "required", false, "schema",
                    Map.of("type", "string", "maxLength", 200), "description",
                    "a repeat with the same key gets the first answer"));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.body() != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json",
                    Map.of("schema", ref(route.body(), schemas)))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        int status = route.status();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", route.list() ? "a page: {items, nextCursor}" : "done");
        if (status != 204) {
            ok.put("content", Map.of(route.produces(), Map.of("schema", route.produces().equals("application/json")
                    ? (route.list() ? page() : Map.of("type", "object")) : Map.of("type", "string"))));
        }
        responses.put(String.valueOf(status), ok);
        responses.put("default", Map.of("description", "a refusal", "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        op.put("responses", responses);
        if (route.auth() == Api.Auth.SESSION) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        } else if (route.auth() == Api.Auth.DEVICE) {
            op.put("security", List.of(Map.of("device", List.of()), Map.of("bearer", List.of())));
        } else {
            op.put("security", List.of());
        }
        return op;
    }

    private static Map<String, Object> page() {
        return object(Map.of("items", Map.of("type", "array", "items", Map.of("type", "object")),
                "nextCursor", Map.of("type", "string", "nullable", true)));
    }

    private static String operationId(Api.Route route) {
        String words = route.path().replace("/api/v1/", "").replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", " ")
                .strip();
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String word : words.split(" ")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    /** A reference to the schema of a record, adding it (and the records it holds) to {@code schemas}. */
    private static Map<String, Object> ref(Class<?> type, Map<String, Object> schemas) {
        String name = type.getName().substring(type.getPackageName().length() + 1).replace("Routes$", "")
                .replace("$", "");
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), schema(component.getGenericType(), schemas));
            }
            schemas.put(name, object(properties));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> schema(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(args[0], schemas));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(args[1], schemas));
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == Integer.class || c == int.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == Long.class || c == long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == Boolean.class || c == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString)
                    .toList());
        }
        if (c.isRecord()) {
            return ref(c, schemas);
        }
        throw new IllegalStateException("no schema for a body field of " + c);
    }

    private static Map<String, Object> object(Map<String, ?> properties) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("additionalProperties", false);
        object.put("properties", properties);
        return object;
    }
}
