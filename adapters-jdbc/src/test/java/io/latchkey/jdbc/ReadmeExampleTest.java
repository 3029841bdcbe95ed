package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Role;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.party.Members;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.Organizations;
import io.latchkey.party.Requisites;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Get started" code, as written there (in a temporary directory instead of {@code data}). */
class ReadmeExampleTest {

    @Test
    void theGetStartedExampleRunsAndRunsAgainAfterARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        for (int start = 0; start < 2; start++) {
            char[] adminPassword = "a long enough secret".toCharArray();
            JdbcStore store = JdbcStore.h2(data);
            try (store; Latchkey latchkey = Latchkey.builder()
                    .store(store)
                    .masterKey(MasterKey.fromFile(data.resolve("master.key"), RandomSource.secure()))
                    .publicUrl(URI.create("https://portal.example.com"))
                    .build()) {
                latchkey.organizations().bootstrap("Operator",
                        new Members.MemberDraft("admin@example.com", "Admin", "en", Set.of(Role.ADMIN)),
                        adminPassword, "Europe/Moscow");
                latchkey.startBackgroundWork(Duration.ofSeconds(5));

                Actor admin = latchkey.accounts().authenticate("admin@example.com", adminPassword, "203.0.113.7");
                Organization partner = latchkey.organizations().createOrganization(admin,
                        new Organizations.OrganizationDraft(OrgKind.PARTNER, "Partner " + start, null,
                                "Europe/Moscow", "ru", new Requisites("7707083893", null, null, null)));
                assertEquals(OrgKind.PARTNER, partner.kind());
            }
        }
    }
}
