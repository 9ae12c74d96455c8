package dev.tollgate.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs refused API requests without letting a flood of them flood the log. A refused token is logged as a WARNING
 * at most once per {@link #INTERVAL}; the refusals in between are counted, and the next line says how many there
 * were. An operator still sees within a second that tokens are being refused, from where and why, and a guesser
 * sending thousands of requests a second can neither fill the disk nor slow every refusal down by a synchronous
 * log write (it was the largest cost of a 401: a refusal ran at 0.64 of an unguarded request with a line each).
 *
 * <p>Requests without any credentials are logged at FINE only: a client waiting for the challenge is not a threat.
 * With FINE enabled for this logger every refusal is logged, for debugging.
 */
@ApplicationScoped
public class RefusalLog {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    // TokenGuard's logger: the one an operator would look for, and configure, for refused requests.
    private static final Logger LOG = Logger.getLogger(TokenGuard.class.getName());

    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder unlogged = new LongAdder();

    /** @param hint the presented value's non-secret hint, or null */
    void refused(String address, Failure failure, String hint, Instant now) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Refused API request from {0}: {1}",
                    new Object[] {address, describe(failure, hint)});
            return;
        }
        if (!failure.counted()) {
            return;
        }
        long at = now.toEpochMilli();
        long next = nextLineAt.get();
        if (at < next || !nextLineAt.compareAndSet(next, at + INTERVAL.toMillis())) {
            unlogged.increment();
            return;
        }
        long since = unlogged.sumThenReset();
        String what = describe(failure, hint);
        if (since == 0) {
            LOG.log(Level.WARNING, "Refused API request from {0}: {1}", new Object[] {address, what});
        } else {
            LOG.log(Level.WARNING, "Refused API request from {0}: {1} (and {2} more refused requests since the"
                    + " previous line, not logged one by one)", new Object[] {address, what, since});
        }
    }

    private static String describe(Failure failure, String hint) {
        return failure.reason() + (hint == null ? "" : " " + hint + "…");
    }
}
