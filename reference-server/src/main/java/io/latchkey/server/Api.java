package io.latchkey.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.latchkey.Latchkey;
import io.latchkey.store.Idempotency;
import io.latchkey.store.Replies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints of the API, declared once: the router installs them and {@link OpenApi} documents them, so the
 * document cannot miss a route or describe one that is not there. Every write is repeatable with
 * {@code Idempotency-Key}: the first answer is kept ({@link Replies}) and given again to a repeat.
 */
final class Api {

    /** Who may call an endpoint. */
    enum Auth {
        /** Anyone: sign-in, registration, links from e-mails, the phone and the device. */
        NONE,
        /** A signed-in member or customer, with a bearer token. */
        SESSION,
        /** The device itself (HTTP Basic: serial and device password) or a signed-in member. */
        DEVICE
    }

    /** What a handler does with a call; its result is the answer's body ({@code null}: none). */
    @FunctionalInterface
    interface Action {
        Object handle(Call call) throws Exception;
    }

    /** An answer that is not JSON (a PNG, a print view). */
    record Binary(String contentType, byte[] bytes) {
    }

    /** A JSON answer whose status depends on the call. */
    record Status(int status, Object body) {
    }

    /** A list page: {@code {"items":[...],"nextCursor":...}}. */
    record Page<T>(List<T> items, String nextCursor) {

        /** The page of {@code items} asked for with {@code limit}; a full page has a next one after its last. */
        static <T> Page<T> of(List<T> items, int limit, java.util.function.Function<T, ?> cursor) {
            String next = items.size() < limit || items.isEmpty() ? null
                    : String.valueOf(cursor.apply(items.get(items.size() - 1)));
            return new Page<>(items, next);
        }
    }

    record Route(HandlerType method, String path, String tag, String summary, Auth auth, Class<?> body, int status,
                 List<String> query, boolean list, String produces, Action action) {

        boolean writes() {
            return !method.equals(HandlerType.GET);
        }
    }

    /** A route being declared: {@code api.post(path).tag(…).summary(…).body(T.class).status(201).handle(…)}. */
    final class Declaring {
        private final HandlerType method;
        private final String path;
        private String tag = "";
        private String summary = "";
        private Auth auth = Auth.SESSION;
        private Class<?> body;
        private int status = 200;
        private final List<String> query = new ArrayList<>();
        private boolean list;
        private String produces = "application/json";

        private Declaring(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        Declaring tag(String value) {
            tag = value;
            return this;
        }

        Declaring summary(String value) {
            summary = value;
            return this;
        }

        Declaring open() {
            auth = Auth.NONE;
            return this;
        }

        Declaring device() {
            auth = Auth.DEVICE;
            return this;
        }

        Declaring body(Class<?> value) {
            body = value;
            return this;
        }

        Declaring status(int value) {
            status = value;
            return this;
        }

        Declaring query(String... names) {
            query.addAll(List.of(names));
            return this;
        }

        /** A list: answers a {@link Page} and takes {@code limit} and {@code cursor}. */
        Declaring list() {
            list = true;
            return this;
        }

        Declaring produces(String contentType) {
            produces = contentType;
            return this;
        }

        void handle(Action action) {
            routes.add(new Route(method, path, tag.isEmpty() ? currentTag : tag, summary, auth, body, status,
                    List.copyOf(query), list, produces, action));
        }
    }

    private final Latchkey sdk;
    private final List<Route> routes = new ArrayList<>();
    private String currentTag = "";

    Api(Latchkey sdk) {
        this.sdk = sdk;
    }

    /** The tag of the routes declared next (one per area). */
    void area(String tag) {
        currentTag = tag;
    }

    Declaring get(String path) {
        return new Declaring(HandlerType.GET, path);
    }

    Declaring post(String path) {
        return new Declaring(HandlerType.POST, path);
    }

    Declaring put(String path) {
        return new Declaring(HandlerType.PUT, path);
    }

    Declaring patch(String path) {
        return new Declaring(HandlerType.PATCH, path);
    }

    Declaring delete(String path) {
        return new Declaring(HandlerType.DELETE, path);
    }

    List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    void install(JavalinConfig cfg) {
        for (Route route : routes) {
            cfg.routes.addHttpHandler(route.method(), route.path(), ctx -> answer(route, ctx));
        }
    }

    private void answer(Route route, Context ctx) throws Exception {
        Call call = new Call(ctx, sdk);
        if (route.auth() == Auth.SESSION) {
            call.actor(); // no token, no answer: 401 before anything else is looked at
        }
        String key = route.writes() ? ctx.header("Idempotency-Key") : null;
        if (key == null) {
            send(ctx, route, route.action().handle(call));
            return;
        }
        // A repeat is the same caller's: a member's key is its own, an anonymous caller's its address's.
        String authorization = ctx.header("Authorization");
        String scope = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? "actor:" + call.actor().subject() : "source:" + call.source();
        String hash = Idempotency.hash(route.method().name(), ctx.path(), ctx.queryString(),
                new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        Optional<Replies.Answer> first = sdk.replies().recall(scope, key, hash);
        if (first.isPresent()) {
            Replies.Answer answer = first.get();
            ctx.status(answer.status()).header("Idempotent-Replayed", "true");
            if (answer.body().length > 0) {
                ctx.contentType(answer.contentType()).result(answer.body());
            }
            return;
        }
        Replies.Answer answer = send(ctx, route, route.action().handle(call));
        if (answer.status() < 300) {
            sdk.replies().remember(scope, key, hash, answer);
        }
    }

    private static Replies.Answer send(Context ctx, Route route, Object result) {
        int status = route.status();
        Object body = result;
        if (result instanceof Status s) {
            status = s.status();
            body = s.body();
        }
        ctx.status(status);
        if (body instanceof Binary binary) {
            ctx.contentType(binary.contentType()).result(binary.bytes());
            return new Replies.Answer(status, binary.contentType(), binary.bytes());
        }
        byte[] json = body == null ? new byte[0] : Json.write(body);
        if (body != null) {
            ctx.contentType("application/json").result(json);
        }
        return new Replies.Answer(status, "application/json", json);
    }
}
