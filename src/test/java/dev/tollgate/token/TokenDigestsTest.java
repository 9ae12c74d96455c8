package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TokenDigestsTest {

    @Test
    void digestIsHmacSha256InHex() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        TokenDigests digests = new TokenDigests("Jefe");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                digests.digest(TokenValue.presented("what do ya want for nothing?", "tlg")));
    }

    @Test
    void theKeyChangesEveryDigest() {
        TokenValue value = TokenValue.generate("tlg");
        assertNotEquals(new TokenDigests("one").digest(value), new TokenDigests("two").digest(value));
        assertEquals(new TokenDigests("one").digest(value), new TokenDigests("one").digest(value));
    }
}
