package io.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.Latchkey;
import io.latchkey.access.Role;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.notify.MailSender;
import io.latchkey.party.Members;
import io.latchkey.store.InMemoryStore;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's mail example, without a mail server: what would have been sent lands in a folder. */
class ReadmeMailExampleTest {

    @Test
    void withoutAServerMailLandsInTheFolderAsMessagesAMailClientOpens(@TempDir Path data) {
        String smtpHost = null;
        MailSender mail = smtpHost == null
                ? new DirectoryMailSender(data.resolve("mail"), "no-reply@example.com", "Latchkey")
                : SmtpMailSender.builder().server(smtpHost, 587).from("no-reply@example.com", "Latchkey").build();
        try (Latchkey latchkey = Latchkey.builder().store(InMemoryStore.create())
                .masterKey(MasterKey.generate(RandomSource.secure()))
                .publicUrl(URI.create("https://portal.example.com"))
                .mailSender(mail).build()) {
            latchkey.organizations().bootstrap("Operator", new Members.MemberDraft("admin@example.com", "Admin",
                    "pl", Set.of(Role.ADMIN)), "a long enough secret".toCharArray(), "Europe/Warsaw");
            var admin = latchkey.accounts().authenticate("admin@example.com", "a long enough secret".toCharArray(),
                    "203.0.113.7");
            latchkey.members().addMember(admin, admin.organization(), new Members.MemberDraft("engineer@example.com",
                    "Inżynier", "pl", Set.of(Role.ENGINEER)));
            latchkey.runDueWork();
        }
        List<MimeMessage> written = DirectoryMailSenderContractTest.read(data.resolve("mail"));
        assertEquals(1, written.size());
        Parts parts = Parts.of(written.get(0));
        assertTrue(parts.text().contains("https://portal.example.com/"), parts.text());
        assertTrue(parts.html().contains("<html lang=\"pl\">"));
    }
}
