package dev.tollgate.usage;

import java.time.LocalDate;
import java.util.Map;

/** What one flush writes for one token and day: the counts gathered since the last flush. */
public record Tally(long tokenId, LocalDate day, long served, long refusedLevel, long refusedAddress,
                    long refusedExpired, Map<String, Long> addresses) {

    public long requests() {
        return served + refusedLevel + refusedAddress + refusedExpired;
    }
}
