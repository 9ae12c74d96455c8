package dev.tollgate.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;
import dev.tollgate.token.TokenUse;
import dev.tollgate.token.Tokens;

/**
 * Gathers every successful request's token use in memory and writes them in one transaction every
 * {@code tollgate.api.last-used.flush-seconds} (default 60), and once more when the application stops.
 *
 * <p>Writing on every request is a known cause of lock contention and deadlocks in other products: requests would
 * queue behind each other on a busy token's row. Here a request only merges into a map that holds one entry per
 * token (so memory is bounded by the number of tokens), and each token gets at most one write per flush.
 */
@ApplicationScoped
public class LastUses {

    static final int DEFAULT_FLUSH_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(LastUses.class.getName());

    @Inject
    Tokens tokens;

    @Inject
    Configuration configuration;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentHashMap<Long, TokenUse> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        int seconds = Math.max(1, configuration.intValue("tollgate.api.last-used.flush-seconds",
                DEFAULT_FLUSH_SECONDS));
        flushing = scheduler.scheduleWithFixedDelay(this::flush, seconds, seconds, TimeUnit.SECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flush();
    }

    void record(TokenUse use) {
        pending.merge(use.tokenId(), use, TokenUse::later);
    }

    /**
     * Writes what was gathered since the last flush. A failed write is put back for the next flush rather than
     * lost, and never escapes: an exception would end the scheduled task.
     *
     * @return how many tokens were updated
     */
    public int flush() {
        List<TokenUse> batch = new ArrayList<>();
        for (Long tokenId : pending.keySet()) {
            TokenUse use = pending.remove(tokenId);
            if (use != null) {
                batch.add(use);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return tokens.recordUses(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the last use of {0} API tokens; will retry: {1}",
                    new Object[] {batch.size(), e.toString()});
            batch.forEach(this::record);
            return 0;
        }
    }
}
