package dev.tollgate.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A token's usage over the last {@value Usage#WINDOW_DAYS} UTC days, oldest first, every day present (a day without
 * requests has zeros): for the console's chart, totals and busiest addresses.
 */
public record UsageReport(List<Day> days, long refusedLevel, long refusedAddress, long refusedExpired,
                          List<AddressCount> topAddresses, Instant lastUsedAt, String lastUsedIp) {

    public record Day(LocalDate day, long served, long refused) {
    }

    /** A client address and how many requests it made with the token. */
    public record AddressCount(String address, long requests) {
    }

    public long served() {
        return days.stream().mapToLong(Day::served).sum();
    }

    public long refused() {
        return refusedLevel + refusedAddress + refusedExpired;
    }
}
