package io.latchkey.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A message to one person, before rendering: which template, in which language, with which parameters.
 * A {@link MailSender} renders it; {@link TemplateRenderer} has the SDK's texts in ru, en and pl.
 * Parameters hold display values only; dates are already in the recipient's time zone.
 *
 * @param template      the template key, e.g. {@code credential.issued}; see {@link Templates}
 * @param language      the recipient's language
 * @param recipient     the e-mail address
 * @param recipientName the display name, or empty
 * @param parameters    template parameters, sorted by name
 * @param attachments   files to attach
 */
public record Notification(String template, Language language, String recipient, String recipientName,
                           Map<String, String> parameters, List<Attachment> attachments) {

    public Notification {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(recipient, "recipient");
        recipientName = recipientName == null ? "" : recipientName;
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A parameter's value; {@link IllegalArgumentException} if the template has no such parameter here. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException(template + " has no parameter " + name);
        }
        return value;
    }

    /** The notification as it is sent: its attachments {@linkplain Attachment#drawn() drawn}. */
    public Notification drawn() {
        return new Notification(template, language, recipient, recipientName, parameters,
                attachments.stream().map(Attachment::drawn).toList());
    }

    /** Hides parameter values: links in them carry tokens, which never go to logs. */
    @Override
    public String toString() {
        return "Notification[" + template + ", " + language.tag() + ", to " + recipient + ", parameters "
                + parameters.keySet() + ", " + attachments.size() + " attachment(s)]";
    }
}
