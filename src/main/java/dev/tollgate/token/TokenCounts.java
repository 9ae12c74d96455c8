package dev.tollgate.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many tokens match a table's filters, remembered until the next change to any token. Counting 100,000 rows
 * costs Derby about 20 ms, a third of a sort or page request, and the answer only changes when a token is created
 * or deleted: sorting, paging and reloading the page reuse it.
 *
 * <p>Exact, like {@link TokenCache}: every {@link TokenChanged} clears it in the committing thread before the
 * change's service call returns, and a count that was read while a change committed is answered but not kept (the
 * generation counter). The change feed ({@code dev.tollgate.cluster}) calls {@link #invalidate()} when another
 * server changed a token, and while its {@link CacheLease} has run out every count reads the database. At most
 * {@value #MAX_ENTRIES} filter combinations are kept (one per distinct text typed into a filter); when full it starts
 * again. Text typed into the token filter is remembered only by its keyed digest: it may be a whole value, pasted to
 * find its token, or a good part of one, and it must not outlive the request in memory.
 */
@ApplicationScoped
public class TokenCounts {

    static final int MAX_ENTRIES = 1_000;

    private record Filters(String name, String valueDigest, AccessLevel accessLevel, Boolean restricted) {
    }

    @Inject
    CacheLease lease = CacheLease.permanent();

    @Inject
    TokenDigests digests;

    private final Map<Filters, Long> counts = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The count of the search's filters (sort and window do not matter), from memory or from {@code database}. */
    long count(TokenSearch search, LongSupplier database) {
        // An expiry filter's count changes as time passes, with no change to any token: never remembered.
        if (!lease.valid() || search.expiry() != null) {
            return database.getAsLong();
        }
        Filters filters = new Filters(search.name(), search.value() == null ? null : digests.digestOf(search.value()),
                search.accessLevel(), search.restricted());
        Long known = counts.get(filters);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        long counted = database.getAsLong();
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear();
        }
        // compute() holds the key while it checks the generation: an invalidation (which bumps the generation
        // first, then clears) cannot slip in between the check and the store.
        counts.compute(filters, (key, existing) -> generation.get() == before ? Long.valueOf(counted) : existing);
        return counted;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) TokenChanged change) {
        invalidate();
    }

    int size() {
        return counts.size();
    }

    /** For a test: whether any remembered filter holds this text as it was typed. */
    boolean remembersText(String text) {
        return counts.keySet().stream().anyMatch(key -> text.equals(key.name()) || text.equals(key.valueDigest()));
    }

    /** Forgets every count; the next table render counts again. */
    public void invalidate() {
        generation.incrementAndGet();
        counts.clear();
    }
}
