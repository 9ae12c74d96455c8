package dev.tollgate.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tollgate.platform.Configuration;

/**
 * Counts failed authentications per client address: after {@code tollgate.api.throttle.failures} (default 20)
 * within a minute, every request from that address gets 429 until the minute that began with its first failure
 * has passed. Blocked requests are refused before any token is looked up in the database, so guessing stops, and
 * they do not extend the block; only a token the cache already knows as valid still passes (see TokenGuard).
 *
 * <p>Successful requests cost one map look-up and are never counted or delayed. Requests without any credentials
 * are not counted either: clients that wait for the 401 challenge before sending their token are not attackers.
 * IPv6 clients are counted per /64, the block one subscriber usually holds, and each /48 (one site) also has a
 * budget of {@value #SITE_FACTOR} times the limit, so that an attacker who holds a /48 cannot guess on through its
 * 65,536 /64s.
 *
 * <p>At most {@value #MAX_ADDRESSES} addresses that are not blocked are tracked. When the table is full, finished
 * windows go first, then running windows with the fewest failures; a running block is never dropped, so a flood
 * of new addresses cannot lift one. Blocks themselves end with their minute, so their number is bounded by the
 * failures an attacker can send in a minute divided by the limit.
 */
@ApplicationScoped
public class Throttle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_FAILURES = 20;
    static final int MAX_ADDRESSES = 10_000;
    static final int SITE_FACTOR = 5;

    private record Window(Instant start, int failures) {

        Instant end() {
            return start.plus(WINDOW);
        }

        boolean isOver(Instant now) {
            return !now.isBefore(end());
        }

        boolean blocks(int limit, Instant now) {
            return failures >= limit && !isOver(now);
        }
    }

    @Inject
    Configuration configuration;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private int limit;

    public Throttle() {
    }

    Throttle(int limit) {
        this.limit = limit;
    }

    @PostConstruct
    void init() {
        limit = configuration.intValue("tollgate.api.throttle.failures", DEFAULT_FAILURES);
    }

    /** @return how long requests from this address are still refused, or empty if they are not (0 disables) */
    Optional<Duration> blockedFor(String address, Instant now) {
        if (limit <= 0 || windows.isEmpty()) { // the usual case: nothing has failed lately
            return Optional.empty();
        }
        Keys keys = Keys.of(address);
        Optional<Duration> own = blockedFor(windows.get(keys.own()), limit, now);
        if (own.isPresent() || keys.site() == null) {
            return own;
        }
        return blockedFor(windows.get(keys.site()), limit * SITE_FACTOR, now);
    }

    private static Optional<Duration> blockedFor(Window window, int limit, Instant now) {
        return window != null && window.blocks(limit, now)
                ? Optional.of(Duration.between(now, window.end())) : Optional.empty();
    }

    /** Counts a failed authentication. @return true if this failure is the one that blocks the address */
    boolean failed(String address, Instant now) {
        if (limit <= 0) {
            return false;
        }
        makeRoom(now);
        Keys keys = Keys.of(address);
        boolean blocksNow = count(keys.own(), now) == limit;
        return keys.site() != null && count(keys.site(), now) == limit * SITE_FACTOR || blocksNow;
    }

    private int count(String key, Instant now) {
        return windows.compute(key, (k, old) -> old == null || old.isOver(now)
                ? new Window(now, 1) : new Window(old.start(), old.failures() + 1)).failures();
    }

    int limit() {
        return limit;
    }

    /** How many addresses are being counted now. */
    int tracked() {
        return windows.size();
    }

    /**
     * Frees a tenth of the table at once when it is full, so that the cost per failure stays constant: finished
     * windows, then the running windows with the fewest failures, never a running block.
     */
    private void makeRoom(Instant now) {
        if (windows.size() < MAX_ADDRESSES) {
            return;
        }
        windows.values().removeIf(window -> window.isOver(now));
        int excess = windows.size() - MAX_ADDRESSES * 9 / 10;
        if (excess <= 0) {
            return;
        }
        windows.entrySet().stream()
                .filter(entry -> entry.getValue().failures() < limit)
                .sorted(Comparator.comparingInt(entry -> entry.getValue().failures()))
                .limit(excess)
                .toList()
                // remove(key, value): a window that failed again meanwhile, perhaps into a block, stays
                .forEach(entry -> windows.remove(entry.getKey(), entry.getValue()));
    }

    /** The address as counted: IPv4 as is, IPv6 cut to its /64 prefix. */
    static String keyOf(String address) {
        return Keys.of(address).own();
    }

    /** The /48 an IPv6 address belongs to, counted with its larger budget; null for IPv4 (and IPv4-mapped). */
    static String siteOf(String address) {
        return Keys.of(address).site();
    }

    /** What one address is counted under, from one parse of it: its own key and, for IPv6, its site's. */
    private record Keys(String own, String site) {

        static Keys of(String address) {
            if (address == null || address.indexOf(':') < 0) {
                return new Keys(String.valueOf(address), null);
            }
            try {
                // An IP literal: no name look-up happens.
                InetAddress parsed = InetAddress.getByName(address);
                if (!(parsed instanceof Inet6Address)) {
                    return new Keys(parsed.getHostAddress(), null);
                }
                byte[] bytes = parsed.getAddress();
                return new Keys(prefix(bytes, 64), prefix(bytes, 48));
            } catch (UnknownHostException notAnAddress) {
                return new Keys(address, null);
            }
        }

        private static String prefix(byte[] address, int bits) throws UnknownHostException {
            byte[] prefix = Arrays.copyOf(address, 16);
            Arrays.fill(prefix, bits / 8, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
        }
    }
}
