package io.latchkey.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.latchkey.ErrorCode;
import io.latchkey.Id;
import io.latchkey.notify.Language;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the API, strict on the way in: an unknown field, a number where text belongs, a
 * missing primitive, a trailing token, a name that is not one of an enumeration's are refused naming the field,
 * never guessed at. Ids are written as strings, times as ISO-8601.
 */
final class Json {

    static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("latchkey").addSerializer(Id.class, ToStringSerializer.instance)
                        .addSerializer(Language.class, new StdSerializer<>(Language.class) {
                            @Override
                            public void serialize(Language value, JsonGenerator out, SerializerProvider provider)
                                    throws IOException {
                                out.writeString(value.tag());
                            }
                        }))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(100_000).maxNumberLength(30).build());
        // "" is not a number, a boolean or an enumeration name: no coercion from text either.
        for (LogicalType type : LogicalType.values()) {
            if (type != LogicalType.Textual) {
                mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            }
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Reads a request body as {@code type}.
     *
     * @throws ApiException 400 {@code REQUEST_MALFORMED} for bytes that are not one JSON value in UTF-8 (or an
     *                      empty body), 422 {@code FIELD_UNKNOWN}, {@code FIELD_MALFORMED} or
     *                      {@code VALUE_NOT_IN_LIST} naming the field
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiException.malformed(null, "the request needs a JSON body");
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw ApiException.malformed(null, "the body must be a JSON object");
            }
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw ApiException.malformed(null, "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(422, "FIELD_UNKNOWN", path(e), "unknown field '" + path(e) + "'");
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                throw new ApiException(422, ErrorCode.VALUE_NOT_IN_LIST.name(), path(e),
                        path(e) + " must be one of " + allowed);
            }
            throw new ApiException(422, ErrorCode.FIELD_MALFORMED.name(), path(e), path(e) + " has the wrong form");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiException.malformed(null, "the body must be a JSON object");
            }
            throw new ApiException(422, ErrorCode.FIELD_MALFORMED.name(), field, field + " has the wrong type");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new ApiException(422, ErrorCode.FIELD_MALFORMED.name(), field.isEmpty() ? null : field,
                    (field.isEmpty() ? "the body" : field) + " is not valid");
        } catch (JsonParseException e) {
            throw ApiException.malformed(null, "the body is not valid JSON");
        } catch (CharConversionException e) {
            throw ApiException.malformed(null, "the body is not valid UTF-8");
        } catch (JsonProcessingException e) {
            throw ApiException.malformed(null, "the body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.malformed(null, "the body could not be read");
        }
    }

    /** The field a mapping error is about, as a dotted path ({@code admin.email}, {@code licenseIds[2]}). */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON: " + value.getClass(), e);
        }
    }
}
