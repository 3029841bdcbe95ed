package io.latchkey.notify;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's own plain-text e-mail texts in every {@link Language}: subject and body of each template in
 * {@link Templates}, with {@code {parameter}} placeholders. A {@link MailSender} may use them as they are, or
 * as the text part beside its own HTML.
 *
 * <p>Stateless and thread-safe.
 */
public final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String BUNDLE = "io.latchkey.notify.templates";

    /** A rendered message. */
    public record Rendered(String subject, String body) {
    }

    private TemplateRenderer() {
    }

    /**
     * The notification's subject and body in its language. The subject is one line whatever its parameters
     * hold: control characters become spaces, so no value can add a mail header.
     */
    public static Rendered render(Notification notification) {
        String subject = fill(text(notification.template() + ".subject", notification.language()), notification);
        return new Rendered(oneLine(subject),
                fill(text(notification.template() + ".body", notification.language()), notification));
    }

    /** {@code value} with every control character (line breaks too) replaced by a space: for mail headers. */
    public static String oneLine(String value) {
        return value.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The raw text of {@code key} (template key + {@code .subject} or {@code .body}) in {@code language}. */
    public static String text(String key, Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.tag()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " in " + language.tag(), e);
        }
    }

    private static String fill(String text, Notification notification) {
        Map<String, String> parameters = notification.parameters();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
