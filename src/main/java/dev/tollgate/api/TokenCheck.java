package dev.tollgate.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

import dev.tollgate.token.TokenCache;
import dev.tollgate.token.TokenSnapshot;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

/**
 * Decides whether a presented value is a token that may be used now. Values that cannot be a token (wrong length,
 * characters, or a prefixed value with a bad checksum) are refused here without touching the database.
 *
 * <p>{@link #lookUp} is the one place where a request's token is looked up, through {@link TokenCache}, which keeps
 * the database off the hot path and is invalidated by every change, so that a delete, a new value or a new level is
 * refused on the very next request. Expiry is checked here on every request, against whatever the look-up returns,
 * so it needs no invalidation.
 */
@ApplicationScoped
public class TokenCheck {

    /** The outcome: the token, or why there is none ({@code hint} is the presented value's non-secret hint). */
    record Verdict(TokenSnapshot token, Failure failure, String hint) {

        static final Verdict MISSING = new Verdict(null, Failure.MISSING, null);

        /** Whether the token may be used; {@code token} is also set for a refused one that exists (expired). */
        boolean passed() {
            return token != null && failure == null;
        }
    }

    @Inject
    Tokens tokens;

    @Inject
    TokenCache cache;

    private String prefix;

    @PostConstruct
    void init() {
        prefix = tokens.prefix();
    }

    Verdict check(String presented, Instant now) {
        if (presented == null || !TokenValue.isPlausible(presented, prefix)) {
            return new Verdict(null, Failure.MALFORMED, null);
        }
        TokenValue value = TokenValue.presented(presented, prefix);
        Optional<TokenSnapshot> token = lookUp(value);
        if (token.isEmpty()) {
            return new Verdict(null, Failure.UNKNOWN, value.hint());
        }
        if (token.get().isExpired(now)) {
            // Expiry first: a token that expired gets no new value by a client's waiting for it.
            Failure failure = token.get().graceOver(now) && !token.get().tokenExpired(now) ? Failure.REPLACED
                    : Failure.EXPIRED;
            return new Verdict(token.get(), failure, value.hint());
        }
        return new Verdict(token.get(), null, value.hint());
    }

    /**
     * The token, if the presented value is one that the token cache already knows and that may be used now; never
     * reads the database. For a request from a throttled address: a token that worked before keeps working, and
     * nothing else the address sends is looked up.
     */
    Optional<TokenSnapshot> knownGood(String presented, Instant now) {
        if (presented == null || !TokenValue.isPlausible(presented, prefix)) {
            return Optional.empty();
        }
        return cache.known(TokenValue.presented(presented, prefix)).filter(token -> !token.isExpired(now));
    }

    private Optional<TokenSnapshot> lookUp(TokenValue value) {
        return cache.find(value);
    }
}
