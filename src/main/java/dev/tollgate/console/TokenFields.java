package dev.tollgate.console;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenDraft;

/**
 * The token form's plain fields: name, access level, expiry and the addresses it may be used from. New tokens start
 * read only, the least they may do, from any address.
 *
 * <p>The date picker works in days (UTC, as the console shows every time): a chosen day means the token stops
 * working when that day begins. A day left as it was loaded keeps the exact moment stored, so that editing an
 * already expired token's name does not trip the "expiry in the past" rule.
 */
public class TokenFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private AccessLevel accessLevel = AccessLevel.READ_ONLY;
    private LocalDate expires;
    private Instant loadedExpiry;
    private String allowedAddresses;

    static TokenFields of(ApiToken token) {
        TokenFields fields = of(token.getName(), token.getAccessLevel(), token.getExpiresAt());
        // one per line, as an admin edits a list
        fields.allowedAddresses = token.getAllowedAddresses() == null ? null
                : token.getAllowedAddresses().replace(", ", "\n");
        return fields;
    }

    static TokenFields of(String name, AccessLevel accessLevel, Instant expiresAt) {
        TokenFields fields = new TokenFields();
        fields.name = name;
        fields.accessLevel = accessLevel;
        fields.loadedExpiry = expiresAt;
        fields.expires = dayOf(expiresAt);
        return fields;
    }

    TokenDraft draft() {
        return new TokenDraft(name, accessLevel, expiry(), allowedAddresses);
    }

    private Instant expiry() {
        if (expires == null) {
            return null;
        }
        if (expires.equals(dayOf(loadedExpiry))) {
            return loadedExpiry;
        }
        return expires.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate dayOf(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * The first day the picker accepts: tomorrow, since a token expiring today would already be expired; or an
     * expired token's own day, so that its other fields can still be changed.
     */
    public LocalDate getEarliestExpiry() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        LocalDate loaded = dayOf(loadedExpiry);
        return loaded != null && loaded.isBefore(tomorrow) ? loaded : tomorrow;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AccessLevel getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(AccessLevel accessLevel) {
        this.accessLevel = accessLevel;
    }

    public LocalDate getExpires() {
        return expires;
    }

    public void setExpires(LocalDate expires) {
        this.expires = expires;
    }

    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(String allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }
}
