package io.latchkey.mail;

import io.latchkey.notify.Attachment;
import io.latchkey.notify.DeliveryResult;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.QrCode;
import io.latchkey.notify.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark, not a test: messages per second through a real SMTP server (GreenMail on loopback), one
 * connection kept for the burst vs one connection per message, measured in alternating rounds of the same run
 * so that the ratio, not the absolute figure, is what counts on a noisy machine. Each message is a credential's
 * e-mail with its QR code, as the outbox sends them: one after another. Run it with the command in the module's
 * README.
 */
public final class SmtpThroughput {

    private SmtpThroughput() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String link = "https://portal.example.test/provision?token=" + "x".repeat(120);
        Notification notification = new Notification(Templates.CREDENTIAL_ISSUED, Language.RU, "sav@elics.ru",
                "Влад", Map.of("clientName", "Влад", "label", "A45EFD1553FB806C", "validFrom", "2026-11-23 13:00",
                "validTo", "2026-11-24 13:00", "timezone", "Europe/Moscow", "link", link),
                List.of(new Attachment("provisioning-qr.png", "image/png", QrCode.png(link, 300))));
        try (Mailbox mailbox = new Mailbox()) {
            List<double[]> results = new ArrayList<>();
            run(mailbox, 4, notification, messages / 2, "warm-up");
            run(mailbox, 0, notification, messages / 2, "warm-up");
            for (int round = 1; round <= rounds; round++) {
                double reused = run(mailbox, 4, notification, messages, "round " + round);
                double fresh = run(mailbox, 0, notification, messages, "round " + round);
                results.add(new double[] {reused, fresh});
            }
            System.out.println();
            System.out.println("| round | kept connection (msg/s) | connection per message (msg/s) | ratio |");
            System.out.println("|---|---|---|---|");
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                double[] r = results.get(i);
                ratios.add(r[0] / r[1]);
                System.out.println(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", i + 1, r[0], r[1],
                        r[0] / r[1]));
            }
            System.out.println(String.format(Locale.ROOT, "median ratio: %.2f (%d messages per round, %d rounds)",
                    ratios.stream().sorted().toList().get(ratios.size() / 2), messages, rounds));
        }
    }

    /** Sends {@code count} messages one after another; returns messages per second. */
    private static double run(Mailbox mailbox, int maxIdle, Notification notification, int count, String label) {
        mailbox.purge();
        try (SmtpMailSender sender = SmtpMailSender.builder().server("localhost", mailbox.smtpPort())
                .security(SmtpMailSender.Security.NONE).from("no-reply@latchkey.test", "Latchkey")
                .maxIdleConnections(maxIdle).build()) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                DeliveryResult result = sender.send(label + "/" + maxIdle + "/" + i, notification);
                if (!(result instanceof DeliveryResult.Delivered)) {
                    throw new IllegalStateException("not delivered: " + result);
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }
}
