package dev.tollgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class TokenCacheTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    /** A database of digest → token that counts its queries. */
    static final class Database implements Function<String, Optional<TokenSnapshot>> {
        final Map<String, TokenSnapshot> rows = new ConcurrentHashMap<>();
        final AtomicInteger queries = new AtomicInteger();

        @Override
        public Optional<TokenSnapshot> apply(String digest) {
            queries.incrementAndGet();
            return Optional.ofNullable(rows.get(digest));
        }
    }

    static TokenSnapshot token(String digest, AccessLevel level) {
        return new TokenSnapshot(1, "forums", level, null, NOW, digest, "tlg_Ab");
    }

    static TokenChanged change(TokenSnapshot before, TokenSnapshot after) {
        return new TokenChanged(TokenChanged.Kind.UPDATED, "admin", before, after);
    }

    @Test
    void aKnownTokenCostsOneQuery() {
        Database db = new Database();
        db.rows.put("d1", token("d1", AccessLevel.READ_ONLY));
        TokenCache cache = new TokenCache(db, 100);
        for (int i = 0; i < 1000; i++) {
            assertEquals("forums", cache.findByDigest("d1").orElseThrow().name());
        }
        assertEquals(1, db.queries.get());
    }

    @Test
    void anUnknownTokenIsRememberedUntilATokenGetsThatValue() {
        Database db = new Database();
        TokenCache cache = new TokenCache(db, 100);
        assertTrue(cache.findByDigest("d9").isEmpty());
        assertTrue(cache.findByDigest("d9").isEmpty());
        assertEquals(1, db.queries.get());

        TokenSnapshot created = token("d9", AccessLevel.READ_ONLY);
        db.rows.put("d9", created);
        cache.changed(new TokenChanged(TokenChanged.Kind.CREATED, "admin", null, created));
        assertEquals(created, cache.findByDigest("d9").orElseThrow());
    }

    @Test
    void deleteNewValueAndNewLevelTakeEffectOnTheNextLookUp() {
        Database db = new Database();
        TokenSnapshot original = token("old", AccessLevel.READ_AND_WRITE);
        db.rows.put("old", original);
        TokenCache cache = new TokenCache(db, 100);
        cache.findByDigest("old");

        TokenSnapshot readOnly = token("old", AccessLevel.READ_ONLY);
        db.rows.put("old", readOnly);
        cache.changed(change(original, readOnly));
        assertEquals(AccessLevel.READ_ONLY, cache.findByDigest("old").orElseThrow().accessLevel());

        TokenSnapshot revalued = token("new", AccessLevel.READ_ONLY);
        db.rows.remove("old");
        db.rows.put("new", revalued);
        cache.changed(change(readOnly, revalued));
        assertTrue(cache.findByDigest("old").isEmpty());
        assertEquals(revalued, cache.findByDigest("new").orElseThrow());

        db.rows.remove("new");
        cache.changed(new TokenChanged(TokenChanged.Kind.DELETED, "admin", revalued, null));
        assertTrue(cache.findByDigest("new").isEmpty());
    }

    @Test
    void rotationAndTheEndOfItsGraceTakeEffectOnTheNextLookUpOfEitherValue() {
        Database db = new Database();
        TokenSnapshot original = token("first", AccessLevel.READ_AND_WRITE);
        db.rows.put("first", original);
        TokenCache cache = new TokenCache(db, 100);
        cache.findByDigest("first");
        assertTrue(cache.findByDigest("second").isEmpty(), "tried before it existed: remembered as unknown");

        TokenSnapshot.Grace grace = new TokenSnapshot.Grace("first", "tlg_Ab", NOW.plusSeconds(3600));
        TokenSnapshot rotated = new TokenSnapshot(1, "forums", AccessLevel.READ_AND_WRITE, null, NOW, "second",
                "tlg_Cd", original.allowed(), grace, false);
        TokenSnapshot old = new TokenSnapshot(1, "forums", AccessLevel.READ_AND_WRITE, null, NOW, "second",
                "tlg_Ab", original.allowed(), grace, true);
        db.rows.put("first", old);
        db.rows.put("second", rotated);
        cache.changed(new TokenChanged(TokenChanged.Kind.ROTATED, "admin", original, rotated, "1 hour"));
        assertTrue(cache.findByDigest("first").orElseThrow().oldValue());
        assertEquals(rotated, cache.findByDigest("second").orElseThrow());

        TokenSnapshot.Grace ended = new TokenSnapshot.Grace("first", "tlg_Ab", NOW);
        TokenSnapshot endedOld = new TokenSnapshot(1, "forums", AccessLevel.READ_AND_WRITE, null, NOW, "second",
                "tlg_Ab", original.allowed(), ended, true);
        db.rows.put("first", endedOld);
        cache.changed(new TokenChanged(TokenChanged.Kind.GRACE_ENDED, "admin", rotated, new TokenSnapshot(1,
                "forums", AccessLevel.READ_AND_WRITE, null, NOW, "second", "tlg_Cd", original.allowed(), ended,
                false)));
        assertTrue(cache.findByDigest("first").orElseThrow().graceOver(NOW), "the old value's entry was dropped");
    }

    @Test
    void aLookUpInFlightDuringAChangeNeitherAnswersNorStoresWhatItRead() throws Exception {
        TokenSnapshot before = token("d1", AccessLevel.READ_AND_WRITE);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        AtomicInteger queries = new AtomicInteger();
        Map<String, TokenSnapshot> rows = new ConcurrentHashMap<>(Map.of("d1", before));
        TokenCache cache = new TokenCache(digest -> {
            Optional<TokenSnapshot> read = Optional.ofNullable(rows.get(digest));
            if (queries.incrementAndGet() == 1) {
                reading.countDown();
                await(changed); // the delete commits and completes while this first read is in flight
            }
            return read;
        }, 100);

        CompletableFuture<Optional<TokenSnapshot>> inFlight =
                CompletableFuture.supplyAsync(() -> cache.findByDigest("d1"));
        await(reading);
        rows.remove("d1");
        cache.changed(new TokenChanged(TokenChanged.Kind.DELETED, "admin", before, null));
        changed.countDown();

        assertTrue(inFlight.get(10, TimeUnit.SECONDS).isEmpty(), "answered with what it read before the delete");
        assertTrue(cache.findByDigest("d1").isEmpty(), "stored what it read before the delete");
        assertEquals(2, queries.get());
    }

    @Test
    void sizeStaysBoundedAndUnknownTokensCannotPushOutKnownOnes() {
        Database db = new Database();
        db.rows.put("real", token("real", AccessLevel.READ_ONLY));
        TokenCache cache = new TokenCache(db, 50);
        cache.findByDigest("real");
        for (int i = 0; i < 10_000; i++) {
            cache.findByDigest("made-up-" + i);
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
        int queries = db.queries.get();
        cache.findByDigest("real");
        assertEquals(queries, db.queries.get(), "the known token was pushed out");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutALeaseFromTheChangeFeedEveryLookUpReadsTheDatabase() {
        Database db = new Database();
        db.rows.put("d1", token("d1", AccessLevel.READ_ONLY));
        long[] now = {0};
        CacheLease lease = new CacheLease(() -> now[0]);
        TokenCache cache = new TokenCache(db, 100, lease);
        cache.findByDigest("d1");
        cache.findByDigest("d1");
        assertEquals(2, db.queries.get(), "a new server trusts nothing before its first read of the feed");

        lease.renewUntil(1_000);
        cache.findByDigest("d1");
        cache.findByDigest("d1");
        assertEquals(3, db.queries.get());

        db.rows.put("d1", token("d1", AccessLevel.READ_AND_WRITE));
        now[0] = 1_000;
        assertEquals(AccessLevel.READ_AND_WRITE, cache.findByDigest("d1").orElseThrow().accessLevel(),
                "a lapsed lease: the database answers");
    }

    @Test
    void onlyWhatWasFoundBeforeIsKnownWithoutTheDatabase() {
        Database db = new Database();
        db.rows.put("d1", token("d1", AccessLevel.READ_ONLY));
        db.rows.put("d2", token("d2", AccessLevel.READ_ONLY));
        long[] now = {0};
        CacheLease lease = new CacheLease(() -> now[0]);
        lease.renewUntil(1_000);
        TokenCache cache = new TokenCache(db, 100, lease);
        assertTrue(cache.knownByDigest("d1").isEmpty(), "never looked up");
        cache.findByDigest("d1");
        cache.findByDigest("d9");
        assertEquals("d1", cache.knownByDigest("d1").orElseThrow().digest());
        assertTrue(cache.knownByDigest("d2").isEmpty(), "in the database, not yet in the cache");
        assertTrue(cache.knownByDigest("d9").isEmpty(), "known to be unknown is not known");
        cache.invalidate("d1");
        assertTrue(cache.knownByDigest("d1").isEmpty(), "a changed token is not vouched for");
        cache.findByDigest("d1");
        now[0] = 1_000;
        assertTrue(cache.knownByDigest("d1").isEmpty(), "a lapsed lease vouches for nothing");
        assertEquals(3, db.queries.get());
    }

    @Test
    void clearingForgetsKnownAndUnknownDigests() {
        Database db = new Database();
        db.rows.put("d1", token("d1", AccessLevel.READ_ONLY));
        TokenCache cache = new TokenCache(db, 100);
        cache.findByDigest("d1");
        cache.findByDigest("d2");
        cache.clear();
        assertEquals(0, cache.size());
        cache.findByDigest("d1");
        cache.findByDigest("d2");
        assertEquals(4, db.queries.get());
    }
}
