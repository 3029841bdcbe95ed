package io.latchkey.bench;

import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import io.latchkey.license.ActivationFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a POS terminal does at each start, {@link ActivationFile#verify(String, java.util.Collection, String,
 * Instant)} with the published keys (the current and two retired ones), against the bare Ed25519 verification of
 * the same signed bytes with Bouncy Castle, the public key decoded once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerificationBenchmark {

    private static final String FINGERPRINT = "POS-7F3A-91C2-0B44";

    private String encoded;
    private List<VerificationKey> published;
    private Instant now;
    private Ed25519PublicKeyParameters rawKey;
    private byte[] rawMessage;
    private byte[] rawSignature;

    @Setup
    public void sign() {
        RandomSource random = RandomSource.secure();
        SigningKey current = SigningKey.generate("k3", random);
        published = List.of(current.verificationKey(), SigningKey.generate("k2", random).verificationKey(),
                SigningKey.generate("k1", random).verificationKey());
        Instant issued = Instant.parse("2026-11-28T09:00:00Z");
        now = issued.plusSeconds(3600);
        encoded = ActivationFile.sign(current, "LIC-5b1d0c7e", FINGERPRINT, "org-3f9a", issued).encoded();

        String[] parts = encoded.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        byte[] domain = ActivationFile.DOMAIN.getBytes(StandardCharsets.UTF_8);
        rawMessage = new byte[domain.length + payload.length];
        System.arraycopy(domain, 0, rawMessage, 0, domain.length);
        System.arraycopy(payload, 0, rawMessage, domain.length, payload.length);
        rawSignature = Base64.getUrlDecoder().decode(parts[2]);
        rawKey = new Ed25519PublicKeyParameters(current.verificationKey().publicKey(), 0);
        if (!sdk() || !raw()) {
            throw new IllegalStateException("the file must verify both ways");
        }
    }

    @Benchmark
    public boolean sdk() {
        return ActivationFile.verify(encoded, published, FINGERPRINT, now).isPresent();
    }

    @Benchmark
    public boolean raw() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, rawKey);
        verifier.update(rawMessage, 0, rawMessage.length);
        return verifier.verifySignature(rawSignature);
    }
}
