package dev.tollgate.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An admin account of the console: its name and the hash of its password, never the password.
 *
 * <p>Names are lower case, 1–{@value #USERNAME_MAX} characters of letters, digits and {@code . _ - @}: they appear
 * in the audit trail and in messages, so they stay plain. {@link #passwordStamp()} changes with every new password;
 * a session remembers the stamp it signed in with, so that a password change or a removal ends other sessions.
 * An account whose password was generated (the first admin's, written to the server log) {@link
 * #mustChangePassword() must change it} before it can use the console; any new password lifts that.
 */
@Entity
@Table(name = "ADMIN_ACCOUNT")
@NamedQuery(name = "Admin.findByUsername", query = "SELECT a FROM Admin a WHERE a.username = :username")
@NamedQuery(name = "Admin.findAll", query = "SELECT a FROM Admin a ORDER BY a.username")
@NamedQuery(name = "Admin.count", query = "SELECT COUNT(a) FROM Admin a")
public class Admin {

    public static final int USERNAME_MAX = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = USERNAME_MAX)
    private String username;

    @Column(name = "PASSWORD_HASH", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "PASSWORD_CHANGED_AT", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", length = 100)
    private String createdBy;

    protected Admin() {
        // for JPA
    }

    Admin(String username, String passwordHash, String createdBy, Instant now) {
        this.username = validUsername(username);
        this.createdBy = createdBy;
        this.createdAt = now;
        changePassword(passwordHash, now);
    }

    /** How a typed account name is compared: trimmed and lower case. */
    public static String normalizeUsername(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    static String validUsername(String name) {
        String normalized = normalizeUsername(name);
        if (normalized.isEmpty()) {
            throw new AccountException("username", "Enter an account name.");
        }
        if (normalized.length() > USERNAME_MAX || !USERNAME.matcher(normalized).matches()) {
            throw new AccountException("username", "An account name is 1 to " + USERNAME_MAX + " letters, digits"
                    + " and . _ - @, starting with a letter or digit.");
        }
        return normalized;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.mustChangePassword = false;
        // Milliseconds survive every database's timestamp type, so the stamp reads back as it was written.
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The password has been seen by others (it was generated and logged): only a new one opens the console. */
    void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public long passwordStamp() {
        return passwordChangedAt.toEpochMilli();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
