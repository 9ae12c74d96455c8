package dev.tollgate.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.tollgate.platform.AddressRanges;

/**
 * An API token as stored: its name, access level and expiry, the digest and hint of its value (never the value),
 * and when it was created, changed and last used.
 *
 * <p>The entity guards its own rules: a name is trimmed and 1–{@value #NAME_MAX} characters, and its lower-cased
 * key (unique in the database) makes names unique ignoring case; an expiry cannot be set in the past.
 */
@Entity
@Table(name = "API_TOKEN")
@NamedQuery(name = "ApiToken.cutLongHints", query = "UPDATE ApiToken t SET t.hint = SUBSTRING(t.hint, 1, 4)"
        + " WHERE LENGTH(t.hint) > 4 AND t.hint NOT LIKE :prefixed ESCAPE '\\'")
@NamedQuery(name = "ApiToken.findByDigest", query = "SELECT t FROM ApiToken t WHERE t.digest = :digest")
@NamedQuery(name = "ApiToken.findByPreviousDigest",
        query = "SELECT t FROM ApiToken t WHERE t.previousDigest = :digest")
@NamedQuery(name = "ApiToken.countByNameKey",
        query = "SELECT COUNT(t) FROM ApiToken t WHERE t.nameKey = :nameKey AND t.id <> :id")
// Native on purpose: it leaves VERSION alone (EclipseLink's JPQL bulk update would not), so an API client's use never
// fails an admin's concurrent edit.
@NamedNativeQuery(name = "ApiToken.recordUse", query = "UPDATE API_TOKEN SET LAST_USED_AT = ?1, LAST_USED_IP = ?2"
        + " WHERE ID = ?3 AND (LAST_USED_AT IS NULL OR LAST_USED_AT < ?1)")
// Only a use after the rotation counts: a batch gathered before it may hold uses of the value before that one.
@NamedNativeQuery(name = "ApiToken.recordOldValueUse", query = "UPDATE API_TOKEN SET PREVIOUS_USED_AT = ?1"
        + " WHERE ID = ?2 AND ROTATED_AT <= ?1 AND (PREVIOUS_USED_AT IS NULL OR PREVIOUS_USED_AT < ?1)")
public class ApiToken {

    public static final int NAME_MAX = 100;
    public static final int ADDRESSES_MAX = 50;
    // Well above what 50 entries of any form take: a longer text is refused before it is parsed.
    static final int ADDRESSES_TEXT_MAX = 5_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "NAME_KEY", nullable = false, length = NAME_MAX)
    private String nameKey;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(nullable = false, length = 20)
    private String hint;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACCESS_LEVEL", nullable = false, length = 20)
    private AccessLevel accessLevel;

    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = NAME_MAX)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    @Column(name = "LAST_USED_IP", length = 45)
    private String lastUsedIp;

    @Column(name = "ALLOWED_ADDRESSES", length = 2500)
    private String allowedAddresses;

    @Column(name = "ADDRESS_COUNT", nullable = false)
    private int addressCount;

    /**
     * 1 when {@code addressCount > 0}, else 0: a column of its own so that the tokens table can filter by it (V11).
     * A number, not a boolean, because EclipseLink binds booleans to Derby as integers.
     */
    @Column(name = "ADDRESS_RESTRICTED", nullable = false)
    private int addressRestricted;

    @Column(name = "PREVIOUS_DIGEST", length = 64)
    private String previousDigest;

    @Column(name = "PREVIOUS_HINT", length = 20)
    private String previousHint;

    @Column(name = "PREVIOUS_UNTIL")
    private Instant previousUntil;

    @Column(name = "PREVIOUS_USED_AT")
    private Instant previousUsedAt;

    @Column(name = "ROTATED_AT")
    private Instant rotatedAt;

    // Written only by dev.tollgate.usage (native updates): an admin's save never overwrites the count.
    @Column(name = "REQUESTS_30D", insertable = false, updatable = false)
    private long requests30d;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(String name, AccessLevel accessLevel, Instant expiresAt, String createdBy, Instant now) {
        this(new TokenDraft(name, accessLevel, expiresAt), createdBy, now);
    }

    ApiToken(TokenDraft draft, String createdBy, Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
        this.createdBy = createdBy;
        rename(draft.name());
        changeAccessLevel(draft.accessLevel());
        changeExpiry(draft.expiresAt(), now);
        restrictTo(draft.allowedAddresses());
    }

    /** Normalises a name the way the entity stores it: trimmed. */
    public static String normalizeName(String name) {
        if (name == null) {
            return "";
        }
        // strip() keeps no-break and other Unicode spaces, so a name of only U+00A0 would look blank but be saved
        int start = 0;
        int end = name.length();
        while (start < end && blank(name.charAt(start))) {
            start++;
        }
        while (end > start && blank(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Characters a name may not hold: control characters (NUL among them, which PostgreSQL cannot even store), line
     * and paragraph separators, the byte-order mark, and the bidirectional controls, with which a name can be shown
     * as something else ("\u202Egnp.exe" reads "exe.png"). Joiners stay allowed: emoji and some scripts need them.
     */
    static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || c == 0xFEFF || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    static String nameKeyOf(String name) {
        return normalizeName(name).toLowerCase(Locale.ROOT);
    }

    void rename(String newName) {
        String normalized = normalizeName(newName);
        if (normalized.isEmpty()) {
            throw new InvalidTokenException("name", "Enter a name for the token.");
        }
        if (normalized.length() > NAME_MAX) {
            throw new InvalidTokenException("name", "A name may be at most " + NAME_MAX + " characters long.");
        }
        if (normalized.codePoints().anyMatch(ApiToken::unprintable)) {
            throw new InvalidTokenException("name",
                    "A name may not contain control characters, line breaks or text-direction marks.");
        }
        this.name = normalized;
        this.nameKey = nameKeyOf(normalized);
    }

    void changeAccessLevel(AccessLevel level) {
        if (level == null) {
            throw new InvalidTokenException("accessLevel", "Choose an access level.");
        }
        this.accessLevel = level;
    }

    void changeExpiry(Instant newExpiry, Instant now) {
        if (newExpiry != null && !newExpiry.isAfter(now) && !Objects.equals(newExpiry, expiresAt)) {
            throw new InvalidTokenException("expiresAt", "The expiry must be in the future.");
        }
        this.expiresAt = newExpiry;
    }

    /**
     * Limits the token to these addresses and CIDR ranges (separated by commas, spaces or line breaks), or lifts
     * the limit for a blank list. Stored in canonical form: a range by its network address, repeats once.
     */
    void restrictTo(String addresses) {
        if (addresses != null && addresses.length() > ADDRESSES_TEXT_MAX) {
            throw new InvalidTokenException("allowedAddresses", "The list of addresses is too long: at most "
                    + ADDRESSES_MAX + " addresses or ranges.");
        }
        List<String> entries;
        try {
            entries = AddressRanges.parse(addresses).entries();
        } catch (AddressRanges.InvalidRangeException wrong) {
            throw new InvalidTokenException("allowedAddresses", wrong.getMessage() + ".");
        }
        if (entries.size() > ADDRESSES_MAX) {
            throw new InvalidTokenException("allowedAddresses", "At most " + ADDRESSES_MAX
                    + " addresses or ranges; this list has " + entries.size() + ".");
        }
        this.allowedAddresses = entries.isEmpty() ? null : String.join(", ", entries);
        this.addressCount = entries.size();
        this.addressRestricted = entries.isEmpty() ? 0 : 1;
    }

    void replaceValue(String newDigest, String newHint) {
        this.digest = Objects.requireNonNull(newDigest);
        this.hint = Objects.requireNonNull(newHint);
    }

    /**
     * Replaces the value and lets the one it replaces keep working for the grace period (none: it stops now). A
     * value that was still in its grace from an earlier rotation stops now: a token has at most two live values.
     */
    void rotate(String newDigest, String newHint, GracePeriod grace, Instant now) {
        if (grace == null) {
            throw new InvalidTokenException("grace", "Choose how long the old value keeps working.");
        }
        this.previousDigest = digest;
        this.previousHint = hint;
        this.previousUntil = now.plus(grace.length());
        this.previousUsedAt = null;
        this.rotatedAt = now;
        replaceValue(newDigest, newHint);
    }

    /** Ends the old value's grace now, if it is still running; its digest stays, so a late client is told why. */
    boolean endGrace(Instant now) {
        if (!inGrace(now)) {
            return false;
        }
        this.previousUntil = now;
        return true;
    }

    /** Whether a rotated-out value still works. */
    public boolean inGrace(Instant now) {
        return previousUntil != null && now.isBefore(previousUntil);
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    String getNameKey() {
        return nameKey;
    }

    String getDigest() {
        return digest;
    }

    public String getHint() {
        return hint;
    }

    public AccessLevel getAccessLevel() {
        return accessLevel;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getLastUsedIp() {
        return lastUsedIp;
    }

    /** The addresses and ranges the token works from, comma-separated; null for any address. */
    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    public int getAddressCount() {
        return addressCount;
    }

    String getPreviousDigest() {
        return previousDigest;
    }

    /** The hint of the value before the last rotation, or null if the token was never rotated. */
    public String getPreviousHint() {
        return previousHint;
    }

    /** Until when the value before the last rotation works (it may be over), or null if never rotated. */
    public Instant getPreviousUntil() {
        return previousUntil;
    }

    /** When the old value was last used since the rotation, or null. */
    public Instant getPreviousUsedAt() {
        return previousUsedAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    /** Requests made with the token (served and refused) in the last 30 UTC days, as of the last usage flush. */
    public long getRequests30d() {
        return requests30d;
    }
}
