package io.latchkey.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload of a signed document: one {@code key=value} per line, in a fixed order, each line ending in a
 * newline. Writers build it with {@link #format}; verifiers read it back with {@link #parse}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Fields {

    private Fields() {
    }

    /** The canonical text of {@code fields}, in their iteration order. */
    public static String format(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** The fields of a text made by {@link #format}, in order; lines without {@code =} are skipped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return fields;
    }
}
