package io.latchkey.server;

import io.javalin.http.Context;
import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * One request as the handlers see it: the caller ({@link #actor()}), the body read strictly as a record, the
 * path and query parameters parsed with the field named on any refusal, and the list cursor.
 */
final class Call {

    /** The longest page a list answers, and the one it answers without {@code limit}. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 50;

    final Context ctx;
    final Latchkey sdk;
    private Actor actor;

    Call(Context ctx, Latchkey sdk) {
        this.ctx = ctx;
        this.sdk = sdk;
    }

    /**
     * The signed-in caller of a bearer token.
     *
     * @throws ApiException 401 without a token; the SDK's {@code SESSION_INVALID} (401) for an unknown, expired
     *                      or ended one
     */
    Actor actor() {
        if (actor == null) {
            actor = sdk.accounts().session(bearer());
        }
        return actor;
    }

    /** The bearer token of the request. */
    String bearer() {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthenticated();
        }
        return header.substring(7).strip();
    }

    /** Where the request came from, for rate limits. */
    String source() {
        return ctx.ip();
    }

    <T> T body(Class<T> type) {
        return Json.read(ctx.bodyAsBytes(), type);
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    /** A path parameter naming a thing by id; one that cannot be an id names nothing: {@code notFound}. */
    <I> I pathId(String name, Function<String, I> parse, ErrorCode notFound) {
        String value = ctx.pathParam(name);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw LatchkeyException.of(notFound, value.length() > 40 ? value.substring(0, 40) + "…" : value);
        }
    }

    String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        return Call.enumValue(name, query(name), type);
    }

    <I> I queryId(String name, Function<String, I> parse) {
        return id(name, query(name), parse);
    }

    Instant queryTime(String name) {
        return time(name, query(name));
    }

    /** The page size asked for: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} if not given. */
    int limit() {
        String value = query("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), "limit", "limit must be 1 to " + MAX_LIMIT);
    }

    String cursor() {
        return query("cursor");
    }

    /** The cursor as an id, refused naming {@code cursor} if it cannot be one. */
    <I> I cursorId(Function<String, I> parse) {
        return id("cursor", cursor(), parse);
    }

    /** A body field naming a thing by id; null stays null. */
    static <I> I id(String field, String value, Function<String, I> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), field, field + " is not an id");
        }
    }

    static <I> List<I> ids(String field, List<String> values, Function<String, I> parse) {
        if (values == null) {
            return null;
        }
        return values.stream().map(v -> {
            if (v == null) {
                throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), field, field + " holds a null");
            }
            return id(field, v, parse);
        }).toList();
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(ErrorCode.VALUE_NOT_IN_LIST.name(), field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(ErrorCode.FIELD_MALFORMED.name(), field,
                    field + " must be an ISO-8601 time with an offset");
        }
    }

    /** A required text field of a body. */
    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, field, field);
        }
        return value;
    }

    /**
     * Runs an SDK call whose refusals name a field by the SDK's name where the request names it otherwise
     * ({@code inn} for {@code taxId}): {@code renames} holds pairs, the SDK's name then the request's.
     */
    static <T> T naming(java.util.function.Supplier<T> call, String... renames) {
        try {
            return call.get();
        } catch (LatchkeyException e) {
            String field = e.field().orElse(null);
            for (int i = 0; i + 1 < renames.length; i += 2) {
                if (renames[i].equals(field)) {
                    throw new ApiException(Errors.STATUS.get(e.category()), e.code().name(), renames[i + 1],
                            e.getMessage().replace(renames[i], renames[i + 1]), e.retryAfter().orElse(null));
                }
            }
            throw e;
        }
    }

    /** A password as the SDK takes it (a char array the SDK may wipe); null stays null. */
    static char[] secret(String value) {
        return value == null ? null : value.toCharArray();
    }
}
