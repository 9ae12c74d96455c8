package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @Test
    void accountNamesAreTrimmedAndLowerCase() {
        assertEquals("ann.smith", Admin.validUsername("  Ann.Smith "));
        assertEquals("ops-team_1@example", Admin.validUsername("ops-team_1@example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ann smith", "-ann", "<script>", "x123456789x123456789x123456789x123456789x123456789x"})
    void badAccountNamesAreRefusedAtTheNameField(String name) {
        assertEquals("username", assertThrows(AccountException.class, () -> Admin.validUsername(name)).field());
    }

    @Test
    void passwordsNeedTwelveCharacters() {
        assertTrue(Passwords.problemWith("eleven-char").contains("12"));
        assertNull(Passwords.problemWith("twelve-chars"));
        assertTrue(Passwords.problemWith(null).contains("12"));
        assertTrue(Passwords.problemWith("x".repeat(201)).contains("200"));
    }

    @Test
    void generatedPasswordsAreLongRandomAndAcceptable() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = Passwords.generate();
            assertEquals(Passwords.GENERATED_LENGTH, password.length());
            assertTrue(password.matches("[A-Za-z2-9]+") && !password.matches(".*[IOl01].*"), password);
            assertNull(Passwords.problemWith(password));
            assertTrue(seen.add(password));
        }
    }

    @Test
    void theStoredHashIsPbkdf2WithSha512AndManyIterations() {
        assertEquals("PBKDF2WithHmacSHA512", Passwords.HASH_PARAMETERS.get("Pbkdf2PasswordHash.Algorithm"));
        assertTrue(Integer.parseInt(Passwords.HASH_PARAMETERS.get("Pbkdf2PasswordHash.Iterations")) >= 210_000);
    }

    @Test
    void aNewPasswordChangesTheSessionStamp() {
        Instant now = Instant.parse("2026-11-28T12:00:00.123456Z");
        Admin admin = new Admin("ann", "hash-one", "admin", now);
        long stamp = admin.passwordStamp();
        admin.changePassword("hash-two", now.plusMillis(1));
        assertNotEquals(stamp, admin.passwordStamp());
        assertEquals(now.plusMillis(1).toEpochMilli(), admin.passwordStamp());
    }

    @Test
    void signInNamesAreKeyedLikeAccountsAndCutLikeTheAuditTrail() {
        assertEquals("admin", SignIns.key(" ADMIN "));
        assertEquals(100, SignIns.key("x".repeat(5000)).length());
        assertEquals("", SignIns.key(null));
    }

    @Test
    void theLockoutMessageSaysHowLongButNotWhetherTheAccountExists() {
        assertEquals("Too many failed sign-ins for this account name. Sign-in is paused; try again in 15 minutes.",
                SignIn.lockedMessage(Duration.ofMinutes(14).plusSeconds(1)));
        assertTrue(SignIn.lockedMessage(Duration.ofSeconds(5)).endsWith("in 1 minute."));
    }

    @Test
    void theFirstSignInLineIsOneMarkedLineWithThePassword() {
        String line = FirstAdmin.announcement("Secret-Generated-Password");
        assertTrue(line.startsWith(FirstAdmin.MARK), line);
        assertTrue(line.contains("\"admin\"") && line.contains("Secret-Generated-Password"), line);
        assertEquals(1, line.lines().count());
    }
}
