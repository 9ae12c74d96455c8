package dev.tollgate.usage;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A day's busiest client addresses with their request counts, at most {@value #KEPT}, stored as text
 * ({@code 203.0.113.7=120,10.0.0.1=4}) in one column of the day's usage row, so that a flush writes one row per token.
 * Approximate by design: an address that never made the top {@value #KEPT} of a flush is not kept.
 */
public record TopAddresses(Map<String, Long> counts) {

    static final int KEPT = 10;

    public TopAddresses {
        counts = top(counts, KEPT);
    }

    static TopAddresses parse(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String entry : text.split(",")) {
                int equals = entry.lastIndexOf('=');
                if (equals > 0) {
                    try {
                        counts.merge(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)),
                                Long::sum);
                    } catch (NumberFormatException ignored) {
                        // not ours: skipped rather than fail a whole report
                    }
                }
            }
        }
        return new TopAddresses(counts);
    }

    /** These counts and those, added per address, the top {@value #KEPT} kept. */
    TopAddresses plus(Map<String, Long> more) {
        Map<String, Long> merged = new LinkedHashMap<>(counts);
        more.forEach((address, count) -> merged.merge(address, count, Long::sum));
        return new TopAddresses(merged);
    }

    /** The {@code limit} busiest, busiest first (ties by address, so that the order is stable). */
    public List<Map.Entry<String, Long>> busiest(int limit) {
        return counts.entrySet().stream().sorted(BUSIEST).limit(limit).toList();
    }

    String format() {
        return counts.isEmpty() ? null : counts.entrySet().stream().sorted(BUSIEST)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static final Comparator<Map.Entry<String, Long>> BUSIEST = Map.Entry.<String, Long>comparingByValue()
            .reversed().thenComparing(Map.Entry.comparingByKey());

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(BUSIEST).limit(limit).forEach(e -> top.put(e.getKey(), e.getValue()));
        return Map.copyOf(top);
    }
}
