package io.latchkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latchkey.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the portal exists in ru, en and pl: a page in one language only is unfinished. */
class PortalTextsTest {

    private static final Path APP = Path.of("src", "main", "resources", "public", "app");
    private static final List<String> LANGUAGES = List.of("ru", "en", "pl");
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[A-Za-z0-9_.]+)'");
    private static final Pattern SHELL_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");

    /** A language's texts, area by area. */
    private static Map<String, Map<String, String>> texts(String language) {
        Map<String, Map<String, String>> areas = new TreeMap<>();
        try (Stream<Path> files = Files.list(APP.resolve("i18n").resolve(language))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode json = Json.MAPPER.readTree(file.toFile());
                Map<String, String> area = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    area.put(e.getKey(), e.getValue().asText());
                }
                areas.put(file.getFileName().toString(), area);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }

    private static Set<String> keys(String language) {
        Set<String> all = new TreeSet<>();
        texts(language).values().forEach(area -> all.addAll(area.keySet()));
        return all;
    }

    @Test
    void everyAreaHasTheSameKeysInEveryLanguageAndNoneIsBlank() {
        Map<String, Map<String, String>> english = texts("en");
        assertTrue(english.size() >= 9, "one file per area: " + english.keySet());
        for (String language : LANGUAGES) {
            Map<String, Map<String, String>> other = texts(language);
            assertEquals(english.keySet(), other.keySet(), language + ": the same area files");
            for (String area : english.keySet()) {
                assertEquals(english.get(area).keySet(), other.get(area).keySet(), language + "/" + area);
                other.get(area).forEach((key, text) -> assertTrue(!text.isBlank(), language + ": " + key));
            }
        }
    }

    @Test
    void everyKeyThePagesAskForExistsInEveryLanguage() throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(js));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Matcher shell = SHELL_KEY.matcher(Files.readString(APP.getParent().resolve("index.html")));
        while (shell.find()) {
            used.add(shell.group(1));
        }
        assertTrue(used.size() > 50, "the pages ask for their texts by key: " + used.size());
        for (String language : LANGUAGES) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(language));
            assertEquals(Set.of(), missing, language + ": texts the pages ask for");
        }
    }

    @Test
    void everyRefusalHasItsMessageInEveryLanguage() {
        for (String language : LANGUAGES) {
            Set<String> keys = keys(language);
            for (ErrorCode code : ErrorCode.values()) {
                assertTrue(keys.contains("error." + code.name()), language + ": error." + code.name());
            }
            for (String code : List.of("REQUEST_MALFORMED", "FIELD_UNKNOWN", "UNAUTHENTICATED", "ROUTE_NOT_FOUND",
                    "BODY_TOO_LARGE", "INTERNAL_ERROR", "NETWORK", "UNKNOWN")) {
                assertTrue(keys.contains("error." + code), language + ": error." + code);
            }
        }
    }
}
