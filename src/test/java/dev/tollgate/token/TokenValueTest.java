package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenValueTest {

    @Test
    void generatedValueHasPrefixRandomPartAndChecksum() {
        String value = TokenValue.generate("tlg").reveal();
        assertTrue(value.matches("tlg_[0-9A-Za-z]{38}"), value);
        assertEquals(TokenValue.checksum(value.substring(4, 36)), value.substring(36));
        assertTrue(TokenValue.isWellFormedGenerated(value, "tlg"));
        assertTrue(TokenValue.isPlausible(value, "tlg"));
    }

    @Test
    void randomPartCarriesAtLeast190Bits() {
        assertTrue(TokenValue.RANDOM_LENGTH * Math.log(62) / Math.log(2) >= 190);
    }

    @Test
    void generatedValuesDoNotRepeatAndUseTheWholeAlphabet() {
        Set<String> values = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String random = TokenValue.generate("tlg").reveal().substring(4, 36);
            assertTrue(values.add(random));
            random.chars().forEach(c -> seen.add((char) c));
        }
        assertEquals(62, seen.size());
    }

    @Test
    void aChangedCharacterBreaksTheChecksum() {
        String value = TokenValue.generate("tlg").reveal();
        char c = value.charAt(10);
        String typo = value.substring(0, 10) + (c == 'a' ? 'b' : 'a') + value.substring(11);
        assertFalse(TokenValue.isWellFormedGenerated(typo, "tlg"));
        assertFalse(TokenValue.isPlausible(typo, "tlg"));
    }

    @Test
    void checksumIsCrc32InSixBase62Characters() {
        // CRC32("123456789") is the standard check value 0xCBF43926 = 3421780262, which is "3jZRME" in base62
        assertEquals("3jZRME", Base62.encode(3421780262L, 6));
        assertEquals("3jZRME", TokenValue.checksum("123456789"));
    }

    @Test
    void wrongPrefixOrLengthIsNotWellFormed() {
        String value = TokenValue.generate("tlg").reveal();
        assertFalse(TokenValue.isWellFormedGenerated("xyz" + value.substring(3), "tlg"));
        assertFalse(TokenValue.isWellFormedGenerated(value + "A", "tlg"));
        assertFalse(TokenValue.isPlausible(value.substring(0, 30), "tlg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has a space inside it here", "tab\there-is-long-enough-xx", "ümlaut-is-not-ascii-xxxx",
            "tlg_ThisClaimsThePrefixButIsNotGenerated"})
    void customValuesMustFollowTheRules(String text) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> TokenValue.custom(text, "tlg"));
        assertEquals("value", e.field());
        assertFalse(TokenValue.isPlausible(text, "tlg"));
    }

    @Test
    void customValueLengthLimits() {
        String varied = "abcdefgh";
        assertThrows(InvalidTokenException.class, () -> TokenValue.custom((varied + "x".repeat(11)), "tlg"));
        assertEquals(varied + "x".repeat(12), TokenValue.custom(varied + "x".repeat(12), "tlg").reveal());
        assertEquals(varied + "x".repeat(192), TokenValue.custom(varied + "x".repeat(192), "tlg").reveal());
        assertThrows(InvalidTokenException.class, () -> TokenValue.custom(varied + "x".repeat(193), "tlg"));
        assertTrue(TokenValue.isPlausible("my-own-helpdesk-key-2026!", "tlg"));
    }

    @Test
    void aNewCustomValueHoldsNoColonBecauseBasicAuthenticationCouldNotCarryIt() {
        InvalidTokenException e = assertThrows(InvalidTokenException.class,
                () -> TokenValue.custom("helpdesk:key-2026-0123456789", "tlg"));
        assertEquals("value", e.field());
        assertTrue(e.getMessage().contains("\":\""), e.getMessage());
        // set before the rule existed: still presented, still looked up
        assertTrue(TokenValue.isPlausible("helpdesk:key-2026-0123456789", "tlg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababab", "abcdefgabcdefgabcdefgabcdefg"})
    void aNewCustomValueNeedsEightDifferentCharacters(String text) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> TokenValue.custom(text, "tlg"));
        assertEquals("A token needs at least 8 different characters; this one is too easy to guess.", e.getMessage());
        assertTrue(TokenValue.isPlausible(text, "tlg"));
        assertEquals("abcdefghabcdefghabcdefgh", TokenValue.custom("abcdefghabcdefghabcdefgh", "tlg").reveal());
    }

    @Test
    void hintAndToStringNeverRevealTheSecret() {
        TokenValue value = TokenValue.generate("tlg");
        assertEquals(value.reveal().substring(0, 8), value.hint());
        assertEquals(value.hint() + "…", value.toString());
        assertNotEquals(value.reveal(), value.toString());
        assertEquals("my-o", TokenValue.custom("my-own-helpdesk-key-2026!", "tlg").hint());
    }

    @Test
    void aCustomValueWithAnEarlyUnderscoreShowsNoMoreThanFourCharacters() {
        assertEquals("acme", TokenValue.custom("acme_key_0123456789xyz", "tlg").hint());
        assertEquals("abcd", TokenValue.custom("abcdefgh_ijklmnopqrstu", "tlg").hint());
        assertEquals("abcd", TokenValue.presented("abcdefgh_ijklmnopqrstu", "tlg").hint());
        assertEquals("ab_c", TokenValue.presented("ab_cdefghijklmnopqrstu", "tlg").hint());
        TokenValue generated = TokenValue.generate("acme");
        assertEquals(generated.reveal().substring(0, 9), generated.hint());
        assertEquals(generated.hint(), TokenValue.presented(generated.reveal(), "acme").hint());
    }
}
