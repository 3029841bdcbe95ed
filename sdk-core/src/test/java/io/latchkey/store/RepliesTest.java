package io.latchkey.store;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latchkey.ErrorCode;
import io.latchkey.testkit.Bytes;
import io.latchkey.testkit.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host's answers to write requests with an idempotency key: given again to a repeat, sealed at rest. */
class RepliesTest {

    private final Fixture fx = new Fixture(InMemoryStore.create());
    private final Replies replies = fx.latchkey.replies();
    private final byte[] body = "{\"token\":\"lk_secret-token\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRepeatGetsTheFirstAnswerAndAnotherRequestWithTheKeyIsRefused() {
        assertTrue(replies.recall("member:1", "key-1", "request-a").isEmpty());
        replies.remember("member:1", "key-1", "request-a", new Replies.Answer(201, "application/json", body));

        Replies.Answer again = replies.recall("member:1", "key-1", "request-a").orElseThrow();
        assertEquals(201, again.status());
        assertEquals("application/json", again.contentType());
        assertArrayEquals(body, again.body());
        refused(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> replies.recall("member:1", "key-1", "request-b"));
        assertTrue(replies.recall("member:2", "key-1", "request-b").isEmpty(), "keys are per caller");

        replies.remember("member:1", "key-1", "request-a", new Replies.Answer(200, "text/plain", new byte[0]));
        assertEquals(201, replies.recall("member:1", "key-1", "request-a").orElseThrow().status(),
                "a twin answered later does not replace the first answer");
    }

    @Test
    void theBodyIsSealedAtRestAndPrunedAfterTheRetention() {
        replies.remember("member:1", "key-1", "request-a", new Replies.Answer(201, "application/json", body));
        Reply stored = fx.store.inTransaction(() -> fx.store.port(ReplyRepository.class).find("member:1", "key-1"))
                .orElseThrow();
        assertEquals(-1, Bytes.indexOf(stored.sealedBody(), "lk_secret-token".getBytes(StandardCharsets.UTF_8)));

        fx.clock.advance(Duration.ofDays(31));
        fx.latchkey.pruneExpired();
        assertEquals(Optional.empty(), replies.recall("member:1", "key-1", "request-b"));
    }

    @Test
    void keysAreOneLineOfAtMostTwoHundredCharacters() {
        refused(ErrorCode.FIELD_TOO_LONG, "idempotencyKey", () -> replies.recall("s", "k".repeat(201), "h"));
        refused(ErrorCode.FIELD_MALFORMED, "idempotencyKey", () -> replies.recall("s", "a\nb", "h"));
        refused(ErrorCode.FIELD_MALFORMED, "idempotencyKey", () -> replies.recall("s", " ", "h"));
    }
}
