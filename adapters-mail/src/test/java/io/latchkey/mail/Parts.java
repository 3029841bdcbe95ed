package io.latchkey.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a received message holds, as a mail client reads it: its text, its HTML, its images and files. */
record Parts(String text, String html, List<Image> images) {

    /** An image part: its bytes, its Content-ID (inline ones), its disposition and file name. */
    record Image(byte[] content, String contentId, String disposition, String fileName) {
    }

    static Parts of(Part message) {
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        try {
            walk(message, texts, htmls, images);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        if (texts.size() != 1 || htmls.size() != 1) {
            throw new AssertionError("one text and one HTML part expected: " + texts.size() + ", " + htmls.size());
        }
        return new Parts(texts.get(0).replace("\r\n", "\n"), htmls.get(0), images);
    }

    private static void walk(Part part, List<String> texts, List<String> htmls, List<Image> images)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, texts, htmls, images);
            }
        } else if (part.isMimeType("text/plain")) {
            texts.add((String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            htmls.add((String) part.getContent());
        } else if (part.isMimeType("image/*")) {
            String contentId = part instanceof MimeBodyPart body ? body.getContentID() : null;
            images.add(new Image(part.getInputStream().readAllBytes(), contentId, part.getDisposition(),
                    part.getFileName()));
        }
    }
}
