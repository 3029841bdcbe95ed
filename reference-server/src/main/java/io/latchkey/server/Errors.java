package io.latchkey.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.latchkey.ErrorCategory;
import io.latchkey.LatchkeyException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refusal as {@code {"error":{"code","message","field"}}}, with the status its category stands for. Nothing
 * else ever leaves: an unexpected failure is logged with the request id and answered 500 {@code INTERNAL_ERROR}
 * with that id only, never a stack trace, SQL or a class name.
 */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    /** The status of each category of the SDK's refusals. */
    static final Map<ErrorCategory, Integer> STATUS = Map.of(
            ErrorCategory.INVALID, 422,
            ErrorCategory.NOT_FOUND, 404,
            ErrorCategory.FORBIDDEN, 403,
            ErrorCategory.CONFLICT, 409,
            ErrorCategory.GONE, 410,
            ErrorCategory.RATE_LIMITED, 429,
            ErrorCategory.UNAUTHENTICATED, 401,
            ErrorCategory.UNAVAILABLE, 503);

    private Errors() {
    }

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(LatchkeyException.class, (e, ctx) -> answer(ctx, STATUS.get(e.category()),
                e.code().name(), e.getMessage(), e.field().orElse(null), e.retryAfter().orElse(null)));
        cfg.routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage(),
                e.field(), e.retryAfter()));
        // Javalin's own refusals: no route for the path, a body over the limit.
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
            switch (e.getStatus()) {
                case 404 -> answer(ctx, 404, "ROUTE_NOT_FOUND", "no such resource: " + ctx.method().name() + " "
                        + ctx.path(), null, null);
                case 413 -> answer(ctx, 413, "BODY_TOO_LARGE", "the body is larger than the server takes", null,
                        null);
                default -> answer(ctx, e.getStatus(), "REQUEST_REFUSED", "the request was refused", null, null);
            }
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} {} failed", AccessLog.requestId(ctx), ctx.method().name(), ctx.path(), e);
            answer(ctx, 500, "INTERNAL_ERROR", "something went wrong on the server; request id "
                    + AccessLog.requestId(ctx), null, null);
        });
    }

    static void answer(Context ctx, int status, String code, String message, String field, Duration retryAfter) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("field", field);
        if (retryAfter != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        ctx.status(status).contentType("application/json").result(Json.write(Map.of("error", error)));
    }
}
