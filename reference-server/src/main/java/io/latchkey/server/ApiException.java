package io.latchkey.server;

import java.time.Duration;

/**
 * A refusal of the HTTP layer itself, before the SDK is asked: a body that is not JSON, an unknown field, a
 * missing token, a path that names nothing. Answered as {@code {"error":{"code","message","field"}}} like the
 * SDK's own refusals.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final transient Duration retryAfter;

    ApiException(int status, String code, String field, String message) {
        this(status, code, field, message, null);
    }

    ApiException(int status, String code, String field, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static ApiException malformed(String field, String message) {
        return new ApiException(400, "REQUEST_MALFORMED", field, message);
    }

    static ApiException invalid(String code, String field, String message) {
        return new ApiException(422, code, field, message);
    }

    static ApiException unauthenticated() {
        return new ApiException(401, "UNAUTHENTICATED", null, "sign in first: this needs credentials");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
