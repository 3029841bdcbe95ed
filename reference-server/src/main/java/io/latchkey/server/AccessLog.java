package io.latchkey.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, as key=value pairs: a request id (the client's {@code X-Request-Id} if it is a sane one,
 * else a new one, echoed back), method, route template, status, duration and client address. Never a header,
 * a query string or a body: tokens, passwords and codes travel there. Also times each request into the
 * {@code http.server.requests} histogram by method, route and status.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.latchkey.server.access");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID = "latchkey.requestId";
    private static final String STARTED = "latchkey.started";

    private AccessLog() {
    }

    static void install(JavalinConfig cfg, MeterRegistry registry, long maxBody) {
        cfg.routes.before(ctx -> {
            String given = ctx.header("X-Request-Id");
            String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
            ctx.attribute(ID, id);
            ctx.attribute(STARTED, System.nanoTime());
            ctx.header("X-Request-Id", id);
        });
        cfg.routes.after(ctx -> {
            drain(ctx, maxBody);
            Long started = ctx.attribute(STARTED);
            long nanos = started == null ? 0 : System.nanoTime() - started;
            String route = route(ctx);
            int status = ctx.statusCode();
            Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route)
                    .tag("status", String.valueOf(status)).publishPercentileHistogram()
                    .register(registry).record(java.time.Duration.ofNanos(nanos));
            LOG.info("request id={} method={} route={} status={} ms={} ip={}", requestId(ctx), ctx.method().name(),
                    route, status, nanos / 1_000_000, ctx.ip());
        });
    }

    /**
     * Reads what is left of a request body the answer did not need (a refusal comes before the body is read):
     * a server that answers and closes while the client is still sending makes the client see a broken pipe
     * instead of the answer. Bodies over the limit are not read (the limit answers them).
     */
    private static void drain(Context ctx, long maxBody) {
        long length = ctx.req().getContentLengthLong();
        if (length > 0 && length <= maxBody) {
            try {
                ctx.bodyAsBytes();
            } catch (RuntimeException unreadable) {
                // the answer stands; the connection closes
            }
        }
    }

    /** The route template, so that ids in paths neither leak into logs nor make a metric per id. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        String path = ctx.path();
        return path.startsWith("/api/") ? "unmatched" : "static";
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(ID);
        return id != null ? id : "-";
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
