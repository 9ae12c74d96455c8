package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class TokenExpiryHeaderTest {

    @Test
    void isAnImfFixdateInGmtWithATwoDigitDay() {
        assertEquals("Tue, 03 Jun 2031 11:05:30 GMT",
                TokenExpiryHeader.httpDate(Instant.parse("2031-06-03T11:05:30Z")));
        assertEquals("Sun, 31 Dec 2034 23:59:59 GMT",
                TokenExpiryHeader.httpDate(Instant.parse("2034-12-31T23:59:59.999Z")));
    }

    @Test
    void aClientReadsItBackWithTheStandardParser() {
        Instant at = Instant.parse("2032-02-29T00:00:07Z");
        assertEquals(at, ZonedDateTime.parse(TokenExpiryHeader.httpDate(at), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant());
    }
}
