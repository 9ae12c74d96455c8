package dev.tollgate.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class UsageCountsTest {

    static final Instant NOW = Instant.parse("2026-12-04T23:59:30Z");
    static final LocalDate TODAY = LocalDate.parse("2026-12-04");

    @Test
    void countsPerTokenAndUtcDayAreTakenOnceAndResetAndAPastDayIsDropped() {
        UsageCounts counts = new UsageCounts();
        counts.served(1, "10.0.0.1", NOW);
        counts.served(1, "10.0.0.1", NOW);
        counts.served(1, "10.0.0.2", NOW);
        counts.refused(1, Refused.LEVEL, "10.0.0.2", NOW);
        counts.refused(1, Refused.ADDRESS, "192.0.2.1", NOW);
        counts.refused(1, Refused.EXPIRED, "10.0.0.1", NOW);
        counts.served(2, "10.0.0.9", NOW.plusSeconds(60)); // tomorrow, UTC

        List<Tally> taken = sorted(counts.take(NOW));
        assertEquals(List.of(new Tally(1, TODAY, 3, 1, 1, 1, Map.of("10.0.0.1", 3L, "10.0.0.2", 2L,
                "192.0.2.1", 1L)), new Tally(2, TODAY.plusDays(1), 1, 0, 0, 0, Map.of("10.0.0.9", 1L))), taken);
        assertTrue(counts.take(NOW).isEmpty(), "taken once");

        counts.served(1, "10.0.0.1", NOW);
        assertEquals(List.of(new Tally(1, TODAY, 1, 0, 0, 0, Map.of("10.0.0.1", 1L))),
                counts.take(NOW.plus(Duration.ofMinutes(1))), "yesterday's last counts, then the day is dropped");
        counts.served(1, "10.0.0.1", NOW);
        assertEquals(1, counts.take(NOW).size(), "a new counter for that day: nothing lost");
    }

    @Test
    void aFailedWriteIsGivenBackAndWrittenWithTheNext() {
        UsageCounts counts = new UsageCounts();
        counts.served(1, "10.0.0.1", NOW);
        List<Tally> failed = counts.take(NOW);
        counts.served(1, "10.0.0.1", NOW);
        counts.giveBack(failed);
        assertEquals(List.of(new Tally(1, TODAY, 2, 0, 0, 0, Map.of("10.0.0.1", 2L))), counts.take(NOW));
    }

    @Test
    void addressesAreBoundedPerTokenBetweenFlushesButTotalsAreNot() {
        UsageCounts counts = new UsageCounts();
        for (int i = 0; i < 1000; i++) {
            counts.served(1, "10.0." + (i / 256) + "." + (i % 256), NOW);
        }
        Tally tally = counts.take(NOW).get(0);
        assertEquals(1000, tally.served());
        assertEquals(UsageCounts.ADDRESSES_PER_FLUSH, tally.addresses().size());
    }

    @Test
    void noRequestIsLostOrCountedTwiceWhileFlushesRun() throws Exception {
        UsageCounts counts = new UsageCounts();
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    counts.served(1, "10.0.0.1", NOW);
                }
                return null;
            }));
        }
        start.countDown();
        long total = 0;
        while (!running.stream().allMatch(Future::isDone)) {
            total += counts.take(NOW).stream().mapToLong(Tally::served).sum();
        }
        for (Future<?> done : running) {
            done.get();
        }
        total += counts.take(NOW).stream().mapToLong(Tally::served).sum();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals((long) threads * perThread, total);
    }

    @Test
    void topAddressesKeepTheBusiestTenAndReadBackWhatTheyWrote() {
        TopAddresses top = TopAddresses.parse("10.0.0.1=5,2001:db8::1=7,broken,=3,x=y");
        assertEquals(Map.of("10.0.0.1", 5L, "2001:db8::1", 7L), top.counts());
        assertEquals("2001:db8::1=7,10.0.0.1=5", top.format());
        TopAddresses merged = top.plus(Map.of("10.0.0.1", 3L, "10.0.0.2", 1L));
        assertEquals(List.of(Map.entry("10.0.0.1", 8L), Map.entry("2001:db8::1", 7L)), merged.busiest(2));
        Map<String, Long> many = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            many.put("10.0.1." + i, (long) i);
        }
        TopAddresses kept = merged.plus(many);
        assertEquals(TopAddresses.KEPT, kept.counts().size());
        assertEquals(Map.entry("10.0.1.29", 29L), kept.busiest(1).get(0));
        assertEquals(kept, TopAddresses.parse(kept.format()));
        assertTrue(kept.format().length() <= 700);
    }

    private static List<Tally> sorted(List<Tally> tallies) {
        return tallies.stream().sorted(java.util.Comparator.comparingLong(Tally::tokenId)).toList();
    }
}
