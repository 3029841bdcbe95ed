package io.latchkey.license;

import io.latchkey.crypto.Digests;
import io.latchkey.crypto.Signatures;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The activations released while their files may still be good, signed under the licensor's key id (domain
 * {@code revocations/}): what an offline device checks its {@link ActivationFile} against. Files live for
 * {@link ActivationFile#VALIDITY}, so the list names only activations released within that time, and stays short.
 * A list is good for {@link #VALIDITY}; a device that has none that recent goes online for one.
 *
 * <p>An entry names the license by its public id, the device by the SHA-256 of its fingerprint (hex), so the
 * published list reveals no device's fingerprint, and when it was released: it revokes the files issued until
 * then, not a later one of the same device. The signed payload is canonical text: {@code v=1}, {@code issuedAt},
 * {@code validUntil}, then one {@code revoked=<license id>/<fingerprint hash>/<released at>} line per entry, in
 * sorted order. Only that exact text verifies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param issuedAt   when the list was made
 * @param validUntil when a device stops trusting it: {@link #VALIDITY} after {@code issuedAt}
 * @param revoked    the released activations, sorted
 * @param keyId      the signing key's id
 * @param encoded    the signed compact form {@code keyId.payload.signature}, what devices fetch
 */
public record RevocationList(Instant issuedAt, Instant validUntil, List<Revoked> revoked, String keyId,
                             String encoded) {

    /** One released activation: the license, the SHA-256 of the device's fingerprint (hex), and when. */
    public record Revoked(String licenseId, String fingerprintHash, Instant releasedAt) {

        public Revoked {
            Objects.requireNonNull(licenseId, "licenseId");
            Objects.requireNonNull(fingerprintHash, "fingerprintHash");
            Objects.requireNonNull(releasedAt, "releasedAt");
        }

        private String line() {
            return licenseId + "/" + fingerprintHash + "/" + releasedAt;
        }
    }

    private static final Comparator<Revoked> ORDER = Comparator.comparing(Revoked::line);

    /** The signature domain of revocation lists. */
    public static final String DOMAIN = "revocations/";

    /** How long a list is trusted after it is made. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    public RevocationList {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        revoked = revoked.stream().sorted(ORDER).toList();
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(encoded, "encoded");
    }

    /** Signs the list of {@code released} activations at {@code now}. */
    public static RevocationList sign(SigningKey key, Collection<Activation> released, Instant now) {
        List<Revoked> entries = released.stream().map(a -> new Revoked(a.license().toString(),
                Digests.sha256Hex(a.fingerprint()), Objects.requireNonNull(a.deactivatedAt(), "released"))).sorted(ORDER).toList();
        Instant validUntil = now.plus(VALIDITY);
        return new RevocationList(now, validUntil, entries, key.keyId(),
                Signatures.signCompact(key, DOMAIN, payload(now, validUntil, entries)));
    }

    /**
     * The list in {@code encoded} if it is signed by one of {@code keys} and good at {@code now} (from its issue
     * until {@link #validUntil()}, the device's clock); empty if it is malformed, altered, too old or signed by a
     * key not in {@code keys}.
     */
    public static Optional<RevocationList> verify(String encoded, Collection<VerificationKey> keys, Instant now) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(now, "now");
        return Signatures.openCompact(encoded, DOMAIN,
                        keyId -> keys.stream().filter(k -> k != null && k.keyId().equals(keyId)).findFirst())
                .flatMap(payload -> parse(payload, encoded))
                .filter(list -> !now.isBefore(list.issuedAt) && now.isBefore(list.validUntil));
    }

    /** Whether this list revokes {@code file}: its license was released from its device since it was issued. */
    public boolean revokes(ActivationFile file) {
        String device = Digests.sha256Hex(file.fingerprint());
        return revoked.stream().anyMatch(r -> r.licenseId().equals(file.licenseId())
                && r.fingerprintHash().equals(device) && !file.issuedAt().isAfter(r.releasedAt()));
    }


    private static String payload(Instant issuedAt, Instant validUntil, List<Revoked> entries) {
        StringBuilder text = new StringBuilder("v=1\nissuedAt=" + issuedAt + "\nvalidUntil=" + validUntil + "\n");
        entries.forEach(e -> text.append("revoked=").append(e.line()).append('\n'));
        return text.toString();
    }

    private static Optional<RevocationList> parse(String payload, String encoded) {
        try {
            List<String> lines = payload.lines().toList();
            if (lines.size() < 3 || !lines.get(0).equals("v=1") || !lines.get(1).startsWith("issuedAt=")
                    || !lines.get(2).startsWith("validUntil=")) {
                return Optional.empty();
            }
            Instant issuedAt = Instant.parse(lines.get(1).substring("issuedAt=".length()));
            Instant validUntil = Instant.parse(lines.get(2).substring("validUntil=".length()));
            List<Revoked> entries = new ArrayList<>();
            for (String line : lines.subList(3, lines.size())) {
                String[] parts = line.startsWith("revoked=") ? line.substring("revoked=".length()).split("/", -1)
                        : new String[0];
                if (parts.length != 3) {
                    return Optional.empty();
                }
                entries.add(new Revoked(parts[0], parts[1], Instant.parse(parts[2])));
            }
            // Only the text sign() makes is accepted: no other version, extra, repeated or reordered lines.
            return payload.equals(payload(issuedAt, validUntil, entries))
                    ? Optional.of(new RevocationList(issuedAt, validUntil, entries,
                    encoded.substring(0, encoded.indexOf('.')), encoded)) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
