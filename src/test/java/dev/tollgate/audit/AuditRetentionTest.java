package dev.tollgate.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tollgate.platform.Configuration;

/** Which records the retention asks the trail to remove, and until when it keeps asking. */
class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    /** Remembers each removal it is asked for and answers with the next of the given batch sizes. */
    static class RecordingTrail extends AuditTrail {
        final List<String> calls = new ArrayList<>();
        final Deque<Integer> answers = new ArrayDeque<>();

        @Override
        public int removeOlderThan(Instant before, int limit) {
            calls.add("all before " + before);
            return answer();
        }

        @Override
        public int removeOlderThan(Instant before, Set<AuditAction> actions, int limit) {
            calls.add(actions + " before " + before);
            return answer();
        }

        private int answer() {
            return answers.isEmpty() ? 0 : answers.pop();
        }
    }

    private static AuditRetention retention(RecordingTrail trail, Map<String, String> settings) {
        AuditRetention retention = new AuditRetention();
        retention.trail = trail;
        retention.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        retention.configuration = new Configuration() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(settings.get(key));
            }
        };
        return retention;
    }

    @Test
    void byDefaultNoiseGoesAfter30DaysAndEverythingAfter400() {
        RecordingTrail trail = new RecordingTrail();
        assertEquals(0, retention(trail, Map.of()).purge(10));
        assertEquals(List.of(AuditRetention.NOISE + " before " + NOW.minus(30, ChronoUnit.DAYS),
                "all before " + NOW.minus(400, ChronoUnit.DAYS)), trail.calls);
    }

    @Test
    void asksAgainUntilABatchRemovesNothingEvenAfterAShortOne() {
        RecordingTrail trail = new RecordingTrail();
        trail.answers.addAll(List.of(10, 3, 10, 0, 10, 10, 0));
        assertEquals(43, retention(trail, Map.of()).purge(10));
        assertEquals(7, trail.calls.size());
    }

    @Test
    void zeroDaysKeepsForEverAndOtherFiguresAreHonoured() {
        RecordingTrail trail = new RecordingTrail();
        retention(trail, Map.of("tollgate.audit.retention-days", "0",
                "tollgate.audit.noise-retention-days", "7")).purge(10);
        assertEquals(List.of(AuditRetention.NOISE + " before " + NOW.minus(7, ChronoUnit.DAYS)), trail.calls);

        RecordingTrail keepAll = new RecordingTrail();
        retention(keepAll, Map.of("tollgate.audit.retention-days", "0",
                "tollgate.audit.noise-retention-days", "0")).purge(10);
        assertEquals(List.of(), keepAll.calls);
    }

    @Test
    void anUnreadableFigureFallsBackToTheDefaultRatherThanRemovingEverything() {
        RecordingTrail trail = new RecordingTrail();
        retention(trail, Map.of("tollgate.audit.retention-days", "-1",
                "tollgate.audit.noise-retention-days", "a month")).purge(10);
        assertEquals(List.of(AuditRetention.NOISE + " before " + NOW.minus(30, ChronoUnit.DAYS),
                "all before " + NOW.minus(400, ChronoUnit.DAYS)), trail.calls);
    }
}
