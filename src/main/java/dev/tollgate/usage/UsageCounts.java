package dev.tollgate.usage;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;

/**
 * Counts every request with a known token in memory, per token and UTC day, and writes the counts every
 * {@code tollgate.usage.flush-seconds} (default 60) and when the application stops: one row per token and day per
 * flush, never a write per request (as {@code api.LastUses} does for the last use).
 *
 * <p>A request only adds to counters ({@link LongAdder}: no lock, no contention between requests of one busy token)
 * and to its client address's counter, of which at most {@value #ADDRESSES_PER_FLUSH} are kept per token between two
 * flushes, so memory stays bounded by the number of tokens whatever the clients send. Totals are exact; the address
 * counts are for the "top addresses" list and may miss an increment that races with a flush.
 */
@ApplicationScoped
public class UsageCounts {

    static final int DEFAULT_FLUSH_SECONDS = 60;
    static final int ADDRESSES_PER_FLUSH = 50;
    private static final Logger LOG = Logger.getLogger(UsageCounts.class.getName());

    /** One token's counts for one day. */
    record Key(long tokenId, long epochDay) {
    }

    static final class Counters {
        final LongAdder served = new LongAdder();
        final LongAdder refusedLevel = new LongAdder();
        final LongAdder refusedAddress = new LongAdder();
        final LongAdder refusedExpired = new LongAdder();
        final ConcurrentHashMap<String, LongAdder> addresses = new ConcurrentHashMap<>();

        void address(String address) {
            if (address == null) {
                return;
            }
            LongAdder count = addresses.get(address);
            if (count == null) {
                if (addresses.size() >= ADDRESSES_PER_FLUSH) {
                    return;
                }
                count = addresses.computeIfAbsent(address, a -> new LongAdder());
            }
            count.increment();
        }
    }

    @Inject
    Usage usage;

    @Inject
    Configuration configuration;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentHashMap<Key, Counters> counters = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        int seconds = Math.max(1, configuration.intValue("tollgate.usage.flush-seconds", DEFAULT_FLUSH_SECONDS));
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, seconds, seconds, TimeUnit.SECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }

    /** A request the token was used for and that was served. */
    public void served(long tokenId, String address, Instant now) {
        Counters day = of(tokenId, now);
        day.served.increment();
        day.address(address);
    }

    /** A request with a known token that was refused, and why. */
    public void refused(long tokenId, Refused why, String address, Instant now) {
        Counters day = of(tokenId, now);
        switch (why) {
            case LEVEL -> day.refusedLevel.increment();
            case ADDRESS -> day.refusedAddress.increment();
            case EXPIRED -> day.refusedExpired.increment();
        }
        day.address(address);
    }

    private Counters of(long tokenId, Instant now) {
        Key key = new Key(tokenId, Math.floorDiv(now.getEpochSecond(), 86_400));
        Counters day = counters.get(key);
        return day != null ? day : counters.computeIfAbsent(key, k -> new Counters());
    }

    /**
     * Takes what was counted since the last time: each counter is read and reset in one step, so no request is
     * counted twice or lost. A day that is over is dropped once taken; today's counters stay for the next requests.
     */
    List<Tally> take(Instant now) {
        long today = Math.floorDiv(now.getEpochSecond(), 86_400);
        List<Tally> tallies = new ArrayList<>();
        for (Map.Entry<Key, Counters> entry : counters.entrySet()) {
            Key key = entry.getKey();
            if (key.epochDay() < today) {
                counters.remove(key);
            }
            Counters day = entry.getValue();
            Map<String, Long> addresses = new HashMap<>();
            for (String address : List.copyOf(day.addresses.keySet())) {
                LongAdder count = day.addresses.remove(address);
                if (count != null && count.sum() > 0) {
                    addresses.put(address, count.sum());
                }
            }
            Tally tally = new Tally(key.tokenId(), LocalDate.ofEpochDay(key.epochDay()), day.served.sumThenReset(),
                    day.refusedLevel.sumThenReset(), day.refusedAddress.sumThenReset(),
                    day.refusedExpired.sumThenReset(), addresses);
            if (tally.requests() > 0) {
                tallies.add(tally);
            }
        }
        return tallies;
    }

    /** Puts counts that could not be written back, to be written with the next flush. */
    void giveBack(List<Tally> tallies) {
        for (Tally tally : tallies) {
            Counters day = counters.computeIfAbsent(new Key(tally.tokenId(), tally.day().toEpochDay()),
                    k -> new Counters());
            day.served.add(tally.served());
            day.refusedLevel.add(tally.refusedLevel());
            day.refusedAddress.add(tally.refusedAddress());
            day.refusedExpired.add(tally.refusedExpired());
            tally.addresses().forEach((address, count) ->
                    day.addresses.computeIfAbsent(address, a -> new LongAdder()).add(count));
        }
    }

    /**
     * Writes what was counted since the last flush, in one transaction. A failed write is given back for the next
     * flush rather than lost.
     *
     * @return how many token-days were written
     */
    public int flush() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        usage.newDay(today);
        List<Tally> tallies = take(now);
        if (tallies.isEmpty()) {
            return 0;
        }
        try {
            usage.record(tallies, today);
            return tallies.size();
        } catch (RuntimeException e) {
            giveBack(tallies);
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // never escapes: an exception would end the scheduled task
            LOG.log(Level.WARNING, "Could not write the API tokens'' usage; will retry: {0}", e.toString());
        }
    }
}
