package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static Credentials of(String header) {
        return Credentials.from(List.of(header));
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itsTextNeverHoldsTheToken() {
        String secret = "tlg_" + "S".repeat(38);
        for (Credentials credentials : List.of(of("Bearer " + secret), of(basic(secret + ":x")))) {
            assertFalse(credentials.toString().contains(secret), credentials.toString());
            assertFalse(credentials.toString().contains("SSSS"), credentials.toString());
            assertTrue(credentials.toString().contains("(hidden)"), credentials.toString());
        }
    }

    @Test
    void readsBearerTokensWhateverTheSchemeCase() {
        assertEquals(new Credentials("Bearer", "tok"), of("Bearer tok"));
        assertEquals(new Credentials("Bearer", "tok"), of("bEARER   tok  "));
    }

    @Test
    void readsTheUserNameOfBasicCredentialsAndIgnoresThePassword() {
        assertEquals(new Credentials("Basic", "tok"), of(basic("tok:X")));
        assertEquals(new Credentials("Basic", "tok"), of(basic("tok:")));
        assertEquals(new Credentials("Basic", "tok"), of(basic("tok")));
        assertEquals(new Credentials("Basic", "tok"), of(basic("tok:pass:with:colons")));
    }

    @Test
    void noHeaderIsNoCredentials() {
        assertFalse(Credentials.from(null).isPresent());
        assertFalse(Credentials.from(List.of()).isPresent());
    }

    @Test
    void unusableHeadersArePresentWithoutAToken() {
        for (Credentials unusable : List.of(of("Bearer"), of("Bearer   "), of("Basic %%%"), of(basic(":tok")),
                of("Digest username=tok"), of("tok"), Credentials.from(List.of("Bearer a", "Bearer b")))) {
            assertTrue(unusable.isPresent(), unusable.toString());
            assertNull(unusable.token(), unusable.toString());
        }
    }
}
