package io.latchkey.license;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A license. Its code is never stored in clear: a keyed hash finds it, and a sealed copy reveals it to those
 * who may see it.
 *
 * @param id         its public id (what activation files name)
 * @param format     the format of its code
 * @param codeHash   keyed hash of the canonical code, for lookup
 * @param sealedCode the code, sealed
 * @param holder     the organization that holds it (the seller, once sold outside the channel)
 * @param state      how it is held
 * @param printed    whether a document with it was printed
 * @param sent       whether a document with it was e-mailed
 * @param mintedAt   when the licensor minted it
 * @param version    optimistic version
 */
public record License(LicenseId id, CodeFormat format, String codeHash, byte[] sealedCode, OrgId holder,
                      LicenseState state, boolean printed, boolean sent, Instant mintedAt, long version) {

    public License {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codeHash, "codeHash");
        sealedCode = Objects.requireNonNull(sealedCode, "sealedCode").clone();
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mintedAt, "mintedAt");
    }

    @Override
    public byte[] sealedCode() {
        return sealedCode.clone();
    }

    /** The same license with another version; for stores. */
    public License withVersion(long newVersion) {
        return new License(id, format, codeHash, sealedCode, holder, state, printed, sent, mintedAt, newVersion);
    }

    /** The same license without its code hash and sealed code: what leaves the SDK. */
    public License withoutSecrets() {
        return new License(id, format, "", new byte[0], holder, state, printed, sent, mintedAt, version);
    }

    License moved(OrgId newHolder, LicenseState newState) {
        return new License(id, format, codeHash, sealedCode, newHolder, newState, printed, sent, mintedAt, version);
    }

    License flagged(boolean nowPrinted, boolean nowSent) {
        return new License(id, format, codeHash, sealedCode, holder, state, printed || nowPrinted, sent || nowSent,
                mintedAt, version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof License l && id.equals(l.id) && format == l.format && codeHash.equals(l.codeHash)
                && java.util.Arrays.equals(sealedCode, l.sealedCode) && holder.equals(l.holder) && state == l.state
                && printed == l.printed && sent == l.sent && mintedAt.equals(l.mintedAt) && version == l.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, holder, version);
    }

    /** Never shows the hash or the sealed code. */
    @Override
    public String toString() {
        return "License[" + id + ", " + state + ", held by " + holder + "]";
    }
}
