package dev.tollgate.token;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.LongSupplier;

/**
 * How long {@link TokenCache} and {@link TokenCounts} may still answer from memory. Other servers' token changes
 * reach this one through a feed ({@code dev.tollgate.cluster.ChangeFeed}) that renews the lease after each read
 * of it; a server that cannot read the feed (database unreachable, poller stuck) sees its lease run out within
 * the feed's bound and answers from the database until it has caught up. Fail closed: it starts unlet, too.
 */
@ApplicationScoped
public class CacheLease {

    private final LongSupplier nanoClock;
    private volatile long validUntil;
    private volatile boolean permanent;

    public CacheLease() {
        this(System::nanoTime);
    }

    CacheLease(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.validUntil = nanoClock.getAsLong();
    }

    /** A lease that never runs out: for a cache in a unit test, with no feed. */
    static CacheLease permanent() {
        CacheLease lease = new CacheLease();
        lease.permanent = true;
        return lease;
    }

    /** Lets the caches answer from memory until {@code nanoTime} ({@link System#nanoTime()} scale). */
    public void renewUntil(long nanoTime) {
        validUntil = nanoTime;
    }

    /** Ends the lease now: the caches answer from the database until it is renewed. */
    public void end() {
        validUntil = nanoClock.getAsLong();
    }

    public boolean valid() {
        return permanent || nanoClock.getAsLong() - validUntil < 0;
    }
}
