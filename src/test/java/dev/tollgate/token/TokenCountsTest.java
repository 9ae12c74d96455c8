package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenCountsTest {

    private final TokenCounts counts = new TokenCounts();

    {
        counts.digests = new TokenDigests("counts-test-key");
    }
    private final AtomicLong rows = new AtomicLong(100_000);
    private final AtomicInteger queries = new AtomicInteger();

    private long count(TokenSearch search) {
        return counts.count(search, () -> {
            queries.incrementAndGet();
            return rows.get();
        });
    }

    private static TokenSearch search(String name, AccessLevel level, TokenSort sort, int first) {
        return new TokenSearch(name, null, level, sort, true, first, 25);
    }

    @Test
    void sortingAndPagingReuseTheCountOfTheSameFilters() {
        assertEquals(100_000, count(search(null, null, TokenSort.NAME, 0)));
        assertEquals(100_000, count(search(null, null, TokenSort.CREATED_AT, 99_975)));
        assertEquals(1, queries.get());

        count(search("ums", null, TokenSort.NAME, 0));
        count(search(null, AccessLevel.READ_ONLY, TokenSort.NAME, 0));
        count(search("ums", AccessLevel.READ_ONLY, TokenSort.HINT, 50));
        assertEquals(4, queries.get(), "each combination of filters is counted once");
    }

    @Test
    void aValueTypedIntoTheTokenFilterIsRememberedOnlyByItsDigest() {
        String pasted = TokenValue.generate("tlg").reveal();
        String partOfOne = pasted.substring(0, 15);
        counts.count(new TokenSearch(null, pasted, null, TokenSort.NAME, true, 0, 25), rows::get);
        counts.count(new TokenSearch(null, partOfOne, null, TokenSort.NAME, true, 0, 25), rows::get);
        assertEquals(2, counts.size());
        assertFalse(counts.remembersText(pasted));
        assertFalse(counts.remembersText(partOfOne));
        counts.count(new TokenSearch(null, pasted, null, TokenSort.HINT, false, 25, 25), () -> {
            throw new AssertionError("the remembered count of the same value is used");
        });
        assertEquals(1, counts.count(new TokenSearch(null, "é", null, TokenSort.NAME, true, 0, 25), () -> 1));
        assertEquals(2, counts.count(new TokenSearch(null, "ü", null, TokenSort.NAME, true, 0, 25), () -> 2),
                "texts that differ are told apart, whatever their characters");
    }

    @Test
    void anyTokenChangeIsCountedAfresh() {
        count(search(null, null, TokenSort.NAME, 0));
        rows.set(100_001);
        counts.changed(new TokenChanged(TokenChanged.Kind.CREATED, "admin", null, null));
        assertEquals(100_001, count(search(null, null, TokenSort.NAME, 0)));
        assertEquals(2, queries.get());
    }

    @Test
    void aCountReadWhileAChangeCommittedIsAnsweredButNotKept() {
        long answered = counts.count(search(null, null, TokenSort.NAME, 0), () -> {
            // A delete commits while this count is being read: what was read may predate it.
            counts.invalidate();
            rows.set(99_999);
            return 100_000;
        });
        assertEquals(100_000, answered);
        assertEquals(99_999, count(search(null, null, TokenSort.NAME, 0)), "the stale count was not remembered");
    }

    @Test
    void staysBoundedWhateverIsTypedIntoTheFilters() {
        for (int i = 0; i < TokenCounts.MAX_ENTRIES * 3; i++) {
            count(search("name-" + i, null, TokenSort.NAME, 0));
        }
        assertEquals(TokenCounts.MAX_ENTRIES * 3, queries.get());
        assertTrue(counts.size() <= TokenCounts.MAX_ENTRIES);
    }
}
