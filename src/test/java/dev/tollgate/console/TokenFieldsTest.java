package dev.tollgate.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.TokenDraft;

class TokenFieldsTest {

    @Test
    void aNewTokenIsReadOnlyAndNeverExpires() {
        TokenFields fields = new TokenFields();
        fields.setName("forums");
        assertEquals(new TokenDraft("forums", AccessLevel.READ_ONLY, null), fields.draft());
    }

    @Test
    void aChosenDayExpiresTheTokenWhenThatDayBeginsInUtc() {
        TokenFields fields = new TokenFields();
        fields.setExpires(LocalDate.of(2031, 5, 6));
        assertEquals(Instant.parse("2031-05-06T00:00:00Z"), fields.draft().expiresAt());
    }

    @Test
    void thePickerStartsTomorrowOrAtAnExpiredTokensOwnDay() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertEquals(tomorrow, new TokenFields().getEarliestExpiry());
        assertEquals(tomorrow, TokenFields.of("later", AccessLevel.READ_ONLY, Instant.parse("2999-01-01T00:00:00Z"))
                .getEarliestExpiry());
        assertEquals(LocalDate.of(2020, 2, 3),
                TokenFields.of("expired", AccessLevel.READ_ONLY, Instant.parse("2020-02-03T14:15:16Z"))
                        .getEarliestExpiry());
    }

    @Test
    void aDayLeftAsLoadedKeepsTheExactMomentStored() {
        Instant stored = Instant.parse("2020-02-03T14:15:16Z");
        TokenFields fields = TokenFields.of("old", AccessLevel.READ_AND_WRITE, stored);
        assertEquals(LocalDate.of(2020, 2, 3), fields.getExpires());
        assertEquals(stored, fields.draft().expiresAt());
        fields.setExpires(LocalDate.of(2040, 1, 1));
        assertEquals(Instant.parse("2040-01-01T00:00:00Z"), fields.draft().expiresAt());
        fields.setExpires(null);
        assertNull(fields.draft().expiresAt());
    }
}
