package dev.tollgate.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.tollgate.platform.Configuration;

/**
 * Token look-ups for the API without a database query per request: digest → snapshot of the token (or "no such
 * token"), in memory, bounded in size.
 *
 * <p>Exactness over freshness: an entry is never left stale. Every change to a token fires {@link TokenChanged};
 * its completion, which runs in the committing thread before the change's service call returns, drops the entries
 * of every digest it touched ({@link TokenChanged#digests()}: a rotated-out value's too). A look-up that read the
 * database while such a change committed is detected by the generation counter: it neither stores what it read nor
 * answers with it, but reads again. So a delete, a new
 * value or a new level is refused on the very next request, and a new token is found at once even if its value had
 * been tried before. Expiry needs no invalidation: the caller checks the snapshot's expiry on every request.
 *
 * <p>Known and unknown digests are kept apart, each bounded ({@code tollgate.api.token-cache.size}, default
 * 10,000), so that a flood of made-up tokens cannot push the real ones out.
 *
 * <p>Changes made on other servers arrive through the change feed ({@code dev.tollgate.cluster}), which calls
 * {@link #invalidate(String)} for each digest another server touched. While the feed cannot vouch for the cache
 * (its {@link CacheLease} has run out) every look-up reads the database and nothing is kept.
 */
@ApplicationScoped
public class TokenCache {

    static final int DEFAULT_SIZE = 10_000;

    @Inject
    Tokens tokens;

    @Inject
    TokenDigests digests;

    @Inject
    Configuration configuration;

    @Inject
    CacheLease lease;

    private final Map<String, TokenSnapshot> known = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unknown = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private Function<String, Optional<TokenSnapshot>> database;
    private int maxEntries;

    public TokenCache() {
    }

    TokenCache(Function<String, Optional<TokenSnapshot>> database, int maxEntries) {
        this(database, maxEntries, CacheLease.permanent());
    }

    TokenCache(Function<String, Optional<TokenSnapshot>> database, int maxEntries, CacheLease lease) {
        this.database = database;
        this.maxEntries = maxEntries;
        this.lease = lease;
    }

    @PostConstruct
    void init() {
        database = tokens::findSnapshotByDigest;
        maxEntries = Math.max(1, configuration.intValue("tollgate.api.token-cache.size", DEFAULT_SIZE));
    }

    public Optional<TokenSnapshot> find(TokenValue value) {
        return findByDigest(digests.digest(value));
    }

    /**
     * The token, only if this cache knows it already and may vouch for it; never reads the database. For a client
     * whose address is throttled: its tokens that worked before keep working, and nothing it tries is looked up.
     */
    public Optional<TokenSnapshot> known(TokenValue value) {
        return knownByDigest(digests.digest(value));
    }

    Optional<TokenSnapshot> knownByDigest(String digest) {
        return lease.valid() ? Optional.ofNullable(known.get(digest)) : Optional.empty();
    }

    Optional<TokenSnapshot> findByDigest(String digest) {
        if (!lease.valid()) {
            return database.apply(digest);
        }
        TokenSnapshot hit = known.get(digest);
        if (hit != null) {
            return Optional.of(hit);
        }
        if (unknown.containsKey(digest)) {
            return Optional.empty();
        }
        while (true) {
            long before = generation.get();
            Optional<TokenSnapshot> found = database.apply(digest);
            if (remember(digest, found, before)) {
                return found;
            }
            // A token changed while we read: what we read may predate it. Read again.
        }
    }

    /** Stores a look-up's result unless a change completed since it began; says whether it may be used. */
    private boolean remember(String digest, Optional<TokenSnapshot> found, long generationBefore) {
        Map<String, ?> target = found.isPresent() ? known : unknown;
        boolean[] current = {false};
        // compute() holds the key while it checks the generation, so that an invalidation of this digest (which
        // bumps the generation first, then removes the key) cannot slip in between the check and the store.
        target.compute(digest, (key, existing) -> {
            current[0] = generation.get() == generationBefore;
            if (!current[0]) {
                return existing;
            }
            makeRoom(target);
            return found.isPresent() ? cast(found.get()) : cast(Boolean.TRUE);
        });
        return current[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private void makeRoom(Map<String, ?> target) {
        Iterator<String> keys = target.keySet().iterator();
        while (target.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) TokenChanged change) {
        change.digests().forEach(this::invalidate);
    }

    /** Forgets what is known of a digest; the next request with it reads the database. */
    public void invalidate(String digest) {
        generation.incrementAndGet();
        known.remove(digest);
        unknown.remove(digest);
    }

    /** Forgets everything: after the feed was out of reach, when it can no longer tell what changed meanwhile. */
    public void clear() {
        generation.incrementAndGet();
        known.clear();
        unknown.clear();
    }

    int size() {
        return known.size() + unknown.size();
    }
}
