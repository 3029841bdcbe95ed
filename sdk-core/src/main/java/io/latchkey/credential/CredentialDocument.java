package io.latchkey.credential;

import io.latchkey.crypto.Fields;
import io.latchkey.crypto.Signatures;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a phone receives for a credential and a reader checks offline: the label and its window, signed
 * with Ed25519 under the issuer's key id (domain {@code credential/}). Revocation cannot reach a reader that
 * is offline; the window bounds what a revoked document can still do.
 *
 * @param label     the credential's label
 * @param validFrom start of the window
 * @param validTo   end of the window
 * @param issuer    the issuing partner's id
 * @param issuedAt  when the document was made
 * @param keyId     the signing key's id
 * @param encoded   the signed compact form {@code keyId.payload.signature}, what the phone stores
 */
public record CredentialDocument(Label label, Instant validFrom, Instant validTo, String issuer, Instant issuedAt,
                                 String keyId, String encoded) {

    /** The signature domain of credential documents. */
    public static final String DOMAIN = "credential/";

    public CredentialDocument {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(encoded, "encoded");
    }

    /** Signs a document for the window of {@code credential}. */
    static CredentialDocument sign(SigningKey key, Credential credential, Instant now) {
        String payload = "v=1\nlabel=" + credential.label() + "\nvalidFrom=" + credential.validFrom()
                + "\nvalidTo=" + credential.validTo() + "\nissuer=" + credential.partner() + "\nissuedAt=" + now + "\n";
        return new CredentialDocument(credential.label(), credential.validFrom(), credential.validTo(),
                credential.partner().toString(), now, key.keyId(), Signatures.signCompact(key, DOMAIN, payload));
    }

    /**
     * The document in {@code encoded} if it is well-formed and signed by one of {@code keys}; empty otherwise.
     * Whether its window covers the present is the reader's check ({@link #validAt(Instant)}).
     */
    public static Optional<CredentialDocument> verify(String encoded, Collection<VerificationKey> keys) {
        return Signatures.openCompact(encoded, DOMAIN,
                        keyId -> keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst())
                .flatMap(payload -> parse(payload, encoded));
    }

    /** Whether the window covers {@code now}. */
    public boolean validAt(Instant now) {
        return !now.isBefore(validFrom) && now.isBefore(validTo);
    }

    private static Optional<CredentialDocument> parse(String payload, String encoded) {
        Map<String, String> fields = Fields.parse(payload);
        try {
            if (!"1".equals(fields.get("v"))) {
                return Optional.empty();
            }
            return Optional.of(new CredentialDocument(Label.parse("label", fields.get("label")),
                    Instant.parse(fields.get("validFrom")), Instant.parse(fields.get("validTo")), fields.get("issuer"),
                    Instant.parse(fields.get("issuedAt")), encoded.substring(0, encoded.indexOf('.')), encoded));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
