package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Rotation with a grace period, as the entity, its snapshots, its uses and its change events keep it. */
class RotationTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static ApiToken token() {
        ApiToken token = new ApiToken("Forums Sync", AccessLevel.READ_AND_WRITE, NOW.plus(Duration.ofDays(30)),
                "admin", NOW);
        token.replaceValue("d-first", "tlg_AAAA");
        return withId(token);
    }

    /** As persisted: a snapshot needs the id the database gives. */
    private static ApiToken withId(ApiToken token) {
        try {
            java.lang.reflect.Field id = ApiToken.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(token, 7L);
            return token;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theOldValueWorksForTheGraceThenStops() {
        ApiToken token = token();
        token.rotate("d-second", "tlg_BBBB", GracePeriod.DAY, NOW);
        assertEquals("d-second", token.getDigest());
        assertEquals("tlg_BBBB", token.getHint());
        assertEquals("d-first", token.getPreviousDigest());
        assertEquals("tlg_AAAA", token.getPreviousHint());
        assertEquals(NOW.plus(Duration.ofHours(24)), token.getPreviousUntil());
        assertEquals(NOW, token.getRotatedAt());
        assertTrue(token.inGrace(NOW.plus(Duration.ofHours(23))));
        assertFalse(token.inGrace(NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void noGraceStopsTheOldValueAtOnceAndAMissingChoiceIsRefused() {
        ApiToken token = token();
        token.rotate("d-second", "tlg_BBBB", GracePeriod.NONE, NOW);
        assertFalse(token.inGrace(NOW));
        assertEquals("d-first", token.getPreviousDigest(), "kept, so that a late client is told why");

        InvalidTokenException refused = assertThrows(InvalidTokenException.class,
                () -> token.rotate("d-third", "tlg_CCCC", null, NOW));
        assertEquals("grace", refused.field());
        assertEquals("d-second", token.getDigest(), "nothing changed");
    }

    @Test
    void rotatingAgainStopsTheEarlierOldValueAndForgetsItsUse() {
        ApiToken token = token();
        token.rotate("d-second", "tlg_BBBB", GracePeriod.WEEK, NOW);
        token.rotate("d-third", "tlg_CCCC", GracePeriod.HOUR, NOW.plusSeconds(60));
        assertEquals("d-second", token.getPreviousDigest(), "at most two live values");
        assertNull(token.getPreviousUsedAt());
        assertEquals(NOW.plusSeconds(60).plus(Duration.ofHours(1)), token.getPreviousUntil());
    }

    @Test
    void endingTheGraceEarlyStopsTheOldValueNowAndOnlyOnce() {
        ApiToken token = token();
        token.rotate("d-second", "tlg_BBBB", GracePeriod.THREE_DAYS, NOW);
        Instant later = NOW.plus(Duration.ofHours(5));
        assertTrue(token.endGrace(later));
        assertEquals(later, token.getPreviousUntil());
        assertFalse(token.inGrace(later));
        assertFalse(token.endGrace(later.plusSeconds(1)), "nothing left to end");
        assertFalse(token().endGrace(NOW), "never rotated");
    }

    @Test
    void theOldValueSeesTheTokenWithTheEarlierOfExpiryAndGraceEnd() {
        ApiToken token = token();
        token.rotate("d-second", "tlg_BBBB", GracePeriod.WEEK, NOW);
        TokenSnapshot current = TokenSnapshot.of(token);
        TokenSnapshot old = current.asOldValue();
        assertFalse(current.oldValue());
        assertTrue(old.oldValue());
        assertEquals("tlg_AAAA", old.hint());
        assertEquals(AccessLevel.READ_AND_WRITE, old.accessLevel());
        assertEquals(token.getExpiresAt(), current.worksUntil());
        assertEquals(NOW.plus(Duration.ofDays(7)), old.worksUntil());

        Instant afterGrace = NOW.plus(Duration.ofDays(7));
        assertTrue(old.isExpired(afterGrace));
        assertTrue(old.graceOver(afterGrace));
        assertFalse(old.tokenExpired(afterGrace));
        assertFalse(current.isExpired(afterGrace));
        assertFalse(current.graceOver(afterGrace));

        // a token that expires before its grace ends: the expiry wins for both values
        ApiToken soon = new ApiToken("Soon", AccessLevel.READ_ONLY, NOW.plus(Duration.ofHours(2)), "admin", NOW);
        soon.replaceValue("s1", "tlg_SSSS");
        withId(soon);
        soon.rotate("s2", "tlg_TTTT", GracePeriod.DAY, NOW);
        assertEquals(NOW.plus(Duration.ofHours(2)), TokenSnapshot.of(soon).asOldValue().worksUntil());
        assertTrue(TokenSnapshot.of(soon).asOldValue().tokenExpired(NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void aChangeNamesEveryDigestItMayAlterTheOldValuesToo() {
        ApiToken token = token();
        TokenSnapshot before = TokenSnapshot.of(token);
        token.rotate("d-second", "tlg_BBBB", GracePeriod.DAY, NOW);
        TokenSnapshot rotated = TokenSnapshot.of(token);
        assertEquals(Set.of("d-first", "d-second"),
                new TokenChanged(TokenChanged.Kind.ROTATED, "admin", before, rotated, "24 hours").digests());
        token.rotate("d-third", "tlg_CCCC", GracePeriod.DAY, NOW);
        assertEquals(List.of("d-second", "d-first", "d-third"), List.copyOf(new TokenChanged(
                TokenChanged.Kind.ROTATED, "admin", rotated, TokenSnapshot.of(token), "24 hours").digests()));
        assertEquals(Set.of("d-third", "d-second"),
                new TokenChanged(TokenChanged.Kind.DELETED, "admin", TokenSnapshot.of(token), null).digests());
    }

    @Test
    void usesMergeIntoTheLatestAndTheLatestOfTheOldValue() {
        TokenUse current = new TokenUse(1, NOW.plusSeconds(30), "10.0.0.1");
        TokenUse old = new TokenUse(1, NOW.plusSeconds(10), "10.0.0.2", NOW.plusSeconds(10));
        TokenUse merged = current.later(old);
        assertEquals(NOW.plusSeconds(30), merged.at());
        assertEquals("10.0.0.1", merged.clientIp());
        assertEquals(NOW.plusSeconds(10), merged.oldValueAt());
        assertEquals(merged, old.later(current));
        TokenUse oldLater = new TokenUse(1, NOW.plusSeconds(40), "10.0.0.2", NOW.plusSeconds(40));
        assertEquals(oldLater, merged.later(oldLater));
        assertEquals(NOW.plusSeconds(40), oldLater.later(merged).oldValueAt());
        TokenUse plain = new TokenUse(1, NOW, "10.0.0.1");
        TokenUse plainer = new TokenUse(1, NOW.plusSeconds(1), "10.0.0.1");
        assertEquals(plainer, plain.later(plainer));
        assertNull(plain.later(plainer).oldValueAt());
    }
}
