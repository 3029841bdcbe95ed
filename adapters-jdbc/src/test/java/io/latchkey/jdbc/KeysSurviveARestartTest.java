package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.credential.Client;
import io.latchkey.credential.CredentialDocument;
import io.latchkey.credential.IssueRequest;
import io.latchkey.credential.PoolTerm;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.keys.StoredKeyStore;
import io.latchkey.license.ActivationFile;
import io.latchkey.license.DocumentRequest;
import io.latchkey.license.DocumentType;
import io.latchkey.license.LicenseView;
import io.latchkey.notify.Templates;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.Fixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment stops and starts again on the same database: with the same master key, every code is still
 * found, every sealed value still opens (a notification queued before the stop is delivered after it), and
 * every link, credential document and activation file made before still verifies.
 */
class KeysSurviveARestartTest {

    private static final String CLIENT = "client@example.test";
    private static final String MANAGER = "manager1@partner.test";

    @Test
    void afterARestartCodesAreFoundSealedValuesOpenAndSignaturesVerify(@TempDir Path dir) {
        List<String> codes;
        ActivationFile file;
        List<VerificationKey> keysBefore;
        Instant start;
        try (JdbcStore store = JdbcStore.h2(dir)) {
            Fixture fx = new Fixture(store);
            Latchkey sdk = fx.latchkey;
            Partner partner = fx.partner();
            fx.filledPool(partner, 1, PoolTerm.UNLIMITED);
            Client client = fx.client(partner, CLIENT);
            start = fx.clock.instant();
            // The client's e-mail, with its signed link, waits in the outbox, sealed, until after the restart.
            sdk.issuing().issue(partner.manager(), new IssueRequest(client.id(), start,
                    start.plus(Duration.ofDays(1)), null), null);
            sdk.documents().mint(fx.operatorAdmin, 2);
            sdk.documents().post(fx.operatorAdmin, new DocumentRequest(DocumentType.SALE_TO_PARTNER, partner.id(), null,
                    null, 2, null));
            sdk.documents().post(partner.manager(), new DocumentRequest(DocumentType.REVEAL_TO_SELF, null, null, null,
                    2,
                    null));
            assertEquals(MANAGER, partner.managerMember().email());
            codes = codes(sdk, partner.manager());
            file = sdk.activations().activate(codes.get(0), "pos-1", "10.0.0.1");
            keysBefore = sdk.keys().verificationKeys();
        }

        try (JdbcStore store = JdbcStore.h2(dir)) {
            Fixture fx = new Fixture(store);
            Latchkey sdk = fx.latchkey;
            Actor manager = sdk.accounts().authenticate(MANAGER, Fixture.MEMBER_PASSWORD.toCharArray(), "10.0.0.9");

            assertEquals(keysBefore, sdk.keys().verificationKeys(), "the same keys, read from the database");
            assertEquals(file, ActivationFile.verify(file.encoded(), sdk.keys().verificationKeys(), "pos-1",
                    file.issuedAt()).orElseThrow());
            assertEquals("pos-1", sdk.activations().activate(codes.get(0), "pos-1", "10.0.0.1").fingerprint(),
                    "the code hashed before the restart is found");
            assertEquals("pos-2", sdk.activations().activate(codes.get(1), "pos-2", "10.0.0.2").fingerprint());
            assertEquals(codes, codes(sdk, manager), "sealed codes open");

            fx.runDueWork();
            String link = fx.mail.last(Templates.CREDENTIAL_ISSUED, CLIENT).parameter("link");
            CredentialDocument document = sdk.provisioning().provision(Fixture.token(link), "203.0.113.7");
            assertEquals(document, CredentialDocument.verify(document.encoded(), keysBefore).orElseThrow(),
                    "a document of the new run verifies with the keys of the old one");
        }
    }

    @Test
    void anotherMasterKeyIsRefusedAtStartByName(@TempDir Path dir) {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            new Fixture(store);
        }
        MasterKey other = MasterKey.generate(RandomSource.seeded(1));
        try (JdbcStore store = JdbcStore.h2(dir)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Latchkey.builder().store(store).masterKey(other).build());
            assertTrue(refused.getMessage().contains(Fixture.MASTER_KEY.id()), refused.getMessage());
        }
    }

    @Test
    void aDatabaseWithoutAMasterKeyOrHostKeysIsRefused(@TempDir Path dir) {
        try (JdbcStore store = JdbcStore.h2(dir)) {
            assertThrows(IllegalStateException.class, () -> Latchkey.builder().store(store).build());
            assertTrue(Latchkey.builder().store(store).masterKey(Fixture.MASTER_KEY).build().keys()
                    instanceof StoredKeyStore);
        }
    }

    private static List<String> codes(Latchkey sdk, Actor manager) {
        return sdk.licenses().licenses(manager, null, null, null, 10).stream()
                .map(LicenseView::code).map(java.util.Optional::orElseThrow).sorted().toList();
    }
}
