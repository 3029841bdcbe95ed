package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every e-mail exists in every language and uses exactly the parameters its template is given. */
class TemplateRendererTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void everyTemplateHasASubjectAndABodyInEveryLanguageWithItsOwnParameters() {
        for (Map.Entry<String, List<String>> template : Templates.PARAMETERS.entrySet()) {
            Set<String> given = new TreeSet<>(template.getValue());
            for (Language language : Language.values()) {
                String subject = TemplateRenderer.text(template.getKey() + ".subject", language);
                String body = TemplateRenderer.text(template.getKey() + ".body", language);
                Set<String> used = new TreeSet<>(placeholders(subject));
                used.addAll(placeholders(body));
                // Exactly the parameters given: none unknown, none dropped.
                assertEquals(given, used, template.getKey() + " in " + language);
            }
        }
    }

    @Test
    void theThreeLanguagesAreReallyDifferentTexts() {
        for (String template : Templates.PARAMETERS.keySet()) {
            Set<String> bodies = new TreeSet<>();
            for (Language language : Language.values()) {
                bodies.add(TemplateRenderer.text(template + ".body", language));
            }
            assertEquals(3, bodies.size(), template);
        }
    }

    @Test
    void aSubjectIsOneLineWhateverItsParametersHold() {
        Notification n = new Notification(Templates.CREDENTIAL_ISSUED_MANAGER, Language.EN, "a@b.test", "",
                Map.of("clientName", "Anna\r\nBcc: all@example.test", "label", "17\u0000", "clientEmail", "c@d.test",
                        "validFrom", "1", "validTo", "2", "timezone", "UTC"), List.of());

        String subject = TemplateRenderer.render(n).subject();

        assertTrue(subject.chars().noneMatch(Character::isISOControl), subject);
        assertTrue(subject.contains("Anna  Bcc: all@example.test"), subject);
        assertEquals("a b  c", TemplateRenderer.oneLine("a\nb\r\nc"));
    }

    @Test
    void renderingFillsEveryParameter() {
        Map<String, String> parameters = new HashMap<>();
        for (String name : Templates.PARAMETERS.get(Templates.CREDENTIAL_ISSUED)) {
            parameters.put(name, "<" + name + ">");
        }
        parameters.put("link", "https://portal.example.test/provision?token=a$b\\c");
        TemplateRenderer.Rendered rendered = TemplateRenderer.render(new Notification(Templates.CREDENTIAL_ISSUED,
                Language.PL, "a@b.test", "", parameters, List.of()));
        assertEquals("Twój identyfikator dostępu <label>", rendered.subject());
        assertTrue(rendered.body().contains("https://portal.example.test/provision?token=a$b\\c"));
        assertFalse(rendered.body().contains("{"), rendered.body());
    }
}
