package io.latchkey.mail;

import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.TemplateRenderer;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML alternative of a notification: the template's own text in a small layout that webmail and phones show
 * alike (one centered column, inline styles), every value escaped; a link alone on its line becomes a button,
 * with the address beneath it; a document's codes become a table that prints cleanly; images sent with the
 * message (the provisioning QR code) are shown inline.
 */
final class HtmlLayout {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern ALONE = Pattern.compile("\\s*\\{([A-Za-z][A-Za-z0-9]*)}\\s*");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final String FONT = "font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;";

    private HtmlLayout() {
    }

    static String render(Notification notification, String subject, List<String> imageContentIds) {
        Language language = notification.language();
        ResourceBundle words = ResourceBundle.getBundle("io.latchkey.mail.layout", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        StringBuilder body = new StringBuilder();
        for (String line : TemplateRenderer.text(notification.template() + ".body", language).split("\n", -1)) {
            Matcher alone = ALONE.matcher(line);
            String value = alone.matches() ? notification.parameters().get(alone.group(1)) : null;
            if (value != null && URL.matcher(value).matches()) {
                body.append(button(value, words.getString("button.open")));
            } else if (value != null && alone.group(1).equals("codes")) {
                body.append(codes(value, words));
            } else if (line.isBlank()) {
                body.append("<p style=\"margin:0 0 12px\">&nbsp;</p>\n");
            } else {
                body.append("<p style=\"margin:0 0 12px\">").append(filled(line, notification)).append("</p>\n");
            }
        }
        for (String contentId : imageContentIds) {
            body.append("<p style=\"margin:16px 0 4px;text-align:center\"><img src=\"cid:").append(escape(contentId))
                    .append("\" width=\"240\" height=\"240\" alt=\"QR\" style=\"display:inline-block\"></p>\n")
                    .append("<p style=\"margin:0 0 12px;text-align:center;color:#555;font-size:13px\">")
                    .append(escape(words.getString("image.caption"))).append("</p>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"" + language.tag() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>" + escape(subject)
                + "</title>\n<style>@media print{.button{border:0!important;background:none!important;"
                + "color:#000!important}body{background:#fff!important}}</style>\n</head>\n"
                + "<body style=\"margin:0;padding:0;background:#f4f5f7\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
                + "<td align=\"center\" style=\"padding:24px 12px\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
                + "style=\"max-width:600px;background:#fff;border-radius:8px;" + FONT
                + "font-size:15px;line-height:1.5;color:#1f2328\"><tr><td style=\"padding:24px\">\n"
                + "<h1 style=\"margin:0 0 16px;font-size:20px\">" + escape(subject) + "</h1>\n" + body
                + "<p style=\"margin:24px 0 0;color:#777;font-size:12px\">" + escape(words.getString("footer"))
                + "</p>\n</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n";
    }

    /** A line of the template with its values in it, escaped; addresses in it are links. */
    private static String filled(String line, Notification notification) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(line.substring(last, m.start())));
            String value = notification.parameters().get(m.group(1));
            out.append(value == null ? escape(m.group()) : URL.matcher(value).matches()
                    ? "<a href=\"" + escape(value) + "\">" + escape(value) + "</a>"
                    : escape(value).replace("\n", "<br>"));
            last = m.end();
        }
        return out.append(escape(line.substring(last))).toString();
    }

    private static String button(String link, String label) {
        String href = escape(link);
        return "<p style=\"margin:20px 0;text-align:center\"><a class=\"button\" href=\"" + href + "\" style=\"display:"
                + "inline-block;padding:12px 24px;background:#1a73e8;color:#fff;text-decoration:none;border-radius:6px;"
                + "font-weight:600;border:1px solid #1a73e8\">" + escape(label) + "</a></p>\n"
                + "<p style=\"margin:0 0 12px;font-size:12px;color:#555;word-break:break-all\"><a href=\"" + href
                + "\" style=\"color:#555\">" + href + "</a></p>\n";
    }

    /** One code per line, as a numbered table in a fixed-width face. */
    private static String codes(String lines, ResourceBundle words) {
        StringBuilder rows = new StringBuilder();
        int n = 0;
        for (String code : lines.split("\n")) {
            if (!code.isBlank()) {
                rows.append("<tr><td style=\"padding:4px 12px 4px 0;color:#555\">").append(++n)
                        .append("</td><td style=\"padding:4px 0;font-family:Consolas,'Courier New',monospace;"
                                + "font-size:16px;letter-spacing:1px\">").append(escape(code.strip()))
                        .append("</td></tr>\n");
            }
        }
        return "<table style=\"border-collapse:collapse;margin:8px 0 16px\"><thead><tr>"
                + "<th style=\"text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #ccc\">#</th>"
                + "<th style=\"text-align:left;padding:4px 0;border-bottom:1px solid #ccc\">"
                + escape(words.getString("codes.code")) + "</th></tr></thead>\n<tbody>\n" + rows
                + "</tbody></table>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
