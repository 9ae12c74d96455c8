package dev.tollgate.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;

import dev.tollgate.platform.Configuration;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.ExpiryFilter;

/**
 * What the tokens table tells an admin about a row before it becomes a problem: "expires in 3 days" for a token
 * that expires within {@link ExpiryFilter#SOON_WINDOW} (an expired one is marked "Expired" by the page), and, if
 * {@code tollgate.token.unused-days} is set, "unused for 45 days" for a token that has not been used (or, never
 * used, was created) that many days ago: a candidate for deletion.
 */
@Named("tokenNotices")
@ApplicationScoped
public class TokenNotices {

    static final String UNUSED_DAYS = "tollgate.token.unused-days";

    @Inject
    Configuration configuration;

    private int unusedDays;

    @PostConstruct
    void init() {
        unusedDays = Math.max(0, configuration.intValue(UNUSED_DAYS, 0));
    }

    /** @return "expires in …" for a token that expires soon, else null */
    public String expiresSoon(ApiToken token) {
        return expiresSoon(token.getExpiresAt(), Instant.now());
    }

    /** @return "unused for … days" if the setting is on and the token has been unused that long, else null */
    public String unused(ApiToken token) {
        return unused(token.getLastUsedAt(), token.getCreatedAt(), Instant.now(), unusedDays);
    }

    static String expiresSoon(Instant expiresAt, Instant now) {
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(ExpiryFilter.SOON_WINDOW))) {
            return null;
        }
        Duration left = Duration.between(now, expiresAt);
        if (left.toDays() >= 1) {
            return "expires in " + count(left.toDays(), "day");
        }
        if (left.toHours() >= 1) {
            return "expires in " + count(left.toHours(), "hour");
        }
        return "expires in " + count(Math.max(1, (left.getSeconds() + 59) / 60), "minute");
    }

    static String unused(Instant lastUsedAt, Instant createdAt, Instant now, int days) {
        Instant since = lastUsedAt != null ? lastUsedAt : createdAt;
        if (days <= 0 || since == null) {
            return null;
        }
        long idle = Duration.between(since, now).toDays();
        return idle >= days ? (lastUsedAt == null ? "never used in " : "unused for ") + count(idle, "day") : null;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
