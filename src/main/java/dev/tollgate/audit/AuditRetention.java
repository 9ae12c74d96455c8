package dev.tollgate.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;

/**
 * Removes audit records older than their retention, once a minute after the start and then once a day.
 *
 * <p>Two retentions: {@code tollgate.audit.retention-days} (default 400) for every record, and the shorter
 * {@code tollgate.audit.noise-retention-days} (default 30) for failed sign-ins under names that are no account and
 * for refused sign-ins. Anyone on the network can make those two by the thousand; kept for 400 days, a flood of them
 * would grow the table without bound and bury the records that matter. 0 keeps records of that kind for ever.
 *
 * <p>Records go in batches, each in its own short transaction, so that a large backlog (the first purge of a
 * long-running installation) never holds one huge transaction or lock. On a cluster every server purges; two
 * purges of the same rows are harmless, because a deleted row is simply not deleted twice.
 */
@ApplicationScoped
public class AuditRetention {

    static final int DEFAULT_DAYS = 400;
    static final int DEFAULT_NOISE_DAYS = 30;
    static final Set<AuditAction> NOISE = EnumSet.of(AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME,
            AuditAction.SIGN_IN_REFUSED);
    private static final int BATCH = 500;
    private static final long FIRST_PURGE_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    AuditTrail trail;

    @Inject
    Configuration configuration;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();

    private ScheduledFuture<?> purging;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        purging = scheduler.scheduleWithFixedDelay(this::purgeQuietly, FIRST_PURGE_SECONDS,
                TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (purging != null) {
            purging.cancel(false);
        }
    }

    /**
     * Removes every record past its retention.
     *
     * @return how many records were removed
     */
    public long purge() {
        return purge(BATCH);
    }

    long purge(int batch) {
        Instant now = clock.instant();
        int noiseDays = configuration.intValue("tollgate.audit.noise-retention-days", DEFAULT_NOISE_DAYS);
        int days = configuration.intValue("tollgate.audit.retention-days", DEFAULT_DAYS);
        long removed = 0;
        if (noiseDays > 0) {
            Instant before = now.minus(noiseDays, ChronoUnit.DAYS);
            removed += purge(() -> trail.removeOlderThan(before, NOISE, batch));
        }
        if (days > 0) {
            Instant before = now.minus(days, ChronoUnit.DAYS);
            removed += purge(() -> trail.removeOlderThan(before, batch));
        }
        if (removed > 0) {
            LOG.log(Level.INFO, "Audit retention removed {0} records (kept: {1} days, failed sign-ins under"
                    + " unknown names and refused sign-ins {2} days; 0 = for ever)",
                    new Object[] {removed, days, noiseDays});
        }
        return removed;
    }

    private static long purge(IntSupplier removeBatch) {
        long removed = 0;
        int removedNow;
        do {
            removedNow = removeBatch.getAsInt();
            removed += removedNow;
            // Not "while a batch is full": another server purging the same rows makes a batch short early.
        } while (removedNow > 0);
        return removed;
    }

    /** An exception escaping a scheduled task would end it: the next day's purge would never run. */
    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention failed; it runs again tomorrow: {0}", e.toString());
        }
    }
}
