package dev.tollgate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedCursorTest {

    private static final long WINDOW = 10_000;

    @Test
    void appliesEachRowOnce() {
        FeedCursor cursor = new FeedCursor(5, WINDOW);
        assertFalse(cursor.accept(5), "rows up to the starting point predate the caches");
        assertTrue(cursor.accept(6));
        assertFalse(cursor.accept(6));
        cursor.advance(100);
        assertFalse(cursor.accept(6), "read again from the trailing mark, not applied again");
        assertTrue(cursor.accept(7));
    }

    @Test
    void aRowThatCommitsAfterAHigherOneIsStillApplied() {
        FeedCursor cursor = new FeedCursor(0, WINDOW);
        assertTrue(cursor.accept(2), "row 1's transaction has not committed yet");
        cursor.advance(0);
        cursor.advance(WINDOW / 2);
        assertEquals(0, cursor.low(), "the mark trails by the window");
        assertTrue(cursor.accept(1), "row 1 commits late, within the window");
    }

    @Test
    void theMarkFollowsAWindowBehindAndForgetsWhatItPassed() {
        FeedCursor cursor = new FeedCursor(0, WINDOW);
        cursor.accept(1);
        cursor.accept(2);
        cursor.advance(0);
        cursor.accept(3);
        cursor.advance(WINDOW - 1);
        assertEquals(0, cursor.low());
        cursor.advance(WINDOW);
        assertEquals(2, cursor.low(), "what was seen a window ago can no longer be preceded by a late commit");
        assertEquals(1, cursor.remembered());
        cursor.advance(2 * WINDOW);
        assertEquals(3, cursor.low());
        assertEquals(0, cursor.remembered());
    }
}
