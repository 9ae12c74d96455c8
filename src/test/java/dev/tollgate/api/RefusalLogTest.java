package dev.tollgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Logger LOG = Logger.getLogger(TokenGuard.class.getName());

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final RefusalLog log = new RefusalLog();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = LOG.getLevel();
        LOG.setLevel(Level.INFO);
        LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        LOG.removeHandler(capture);
        LOG.setLevel(levelBefore);
    }

    @Test
    void aFloodOfRefusalsWritesOneLinePerIntervalThatCountsTheRest() {
        log.refused("10.0.0.1", Failure.UNKNOWN, "tlg_Ab3d", T0);
        for (int i = 0; i < 500; i++) {
            log.refused("10.0.0.2", Failure.MALFORMED, null, T0.plusMillis(i));
        }
        assertEquals(List.of("WARNING Refused API request from 10.0.0.1: unknown token tlg_Ab3d…"), lines);

        log.refused("10.0.0.3", Failure.EXPIRED, "tlg_Zz99", T0.plus(RefusalLog.INTERVAL));
        assertEquals(2, lines.size());
        assertEquals("WARNING Refused API request from 10.0.0.3: expired token tlg_Zz99… (and 500 more refused"
                + " requests since the previous line, not logged one by one)", lines.get(1));

        log.refused("10.0.0.3", Failure.EXPIRED, "tlg_Zz99", T0.plus(RefusalLog.INTERVAL.multipliedBy(3)));
        assertEquals("WARNING Refused API request from 10.0.0.3: expired token tlg_Zz99…", lines.get(2),
                "nothing was held back since the previous line");
    }

    @Test
    void requestsWithoutCredentialsAreNotWarnedAbout() {
        log.refused("10.0.0.1", Failure.MISSING, null, T0);
        assertTrue(lines.isEmpty());
    }

    @Test
    void withFineLoggingEveryRefusalIsLogged() {
        LOG.setLevel(Level.FINE);
        for (int i = 0; i < 3; i++) {
            log.refused("10.0.0.1", Failure.MISSING, null, T0);
        }
        assertEquals(List.of("FINE Refused API request from 10.0.0.1: no credentials",
                "FINE Refused API request from 10.0.0.1: no credentials",
                "FINE Refused API request from 10.0.0.1: no credentials"), lines);
    }
}
