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
import java.util.Iterator;
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
 * IPv6 clients are counted per /64, the block one subscriber usually holds. At most {@value #MAX_ADDRESSES}
 * addresses are tracked; when full, finished windows go first, then arbitrary ones, so memory stays bounded
 * whatever an attacker sends.
 */
@ApplicationScoped
public class Throttle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_FAILURES = 20;
    static final int MAX_ADDRESSES = 10_000;

    private record Window(Instant start, int failures) {

        Instant end() {
            return start.plus(WINDOW);
        }

        boolean isOver(Instant now) {
            return !now.isBefore(end());
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
        if (limit <= 0) {
            return Optional.empty();
        }
        Window window = windows.get(keyOf(address));
        if (window == null || window.failures() < limit || window.isOver(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.end()));
    }

    /** Counts a failed authentication. @return true if this failure is the one that blocks the address */
    boolean failed(String address, Instant now) {
        if (limit <= 0) {
            return false;
        }
        makeRoom(now);
        Window window = windows.compute(keyOf(address), (key, old) -> old == null || old.isOver(now)
                ? new Window(now, 1) : new Window(old.start(), old.failures() + 1));
        return window.failures() == limit;
    }

    int limit() {
        return limit;
    }

    /** How many addresses are being counted now. */
    int tracked() {
        return windows.size();
    }

    /** Frees a tenth of the table at once when it is full, so that the cost per failure stays constant. */
    private void makeRoom(Instant now) {
        if (windows.size() < MAX_ADDRESSES) {
            return;
        }
        windows.values().removeIf(window -> window.isOver(now));
        Iterator<String> any = windows.keySet().iterator();
        while (windows.size() > MAX_ADDRESSES * 9 / 10 && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    /** The address as counted: IPv4 as is, IPv6 cut to its /64 prefix. */
    static String keyOf(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // An IP literal: no name look-up happens.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
