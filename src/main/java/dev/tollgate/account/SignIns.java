package dev.tollgate.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tollgate.audit.AuditAction;
import dev.tollgate.audit.AuditRecord;
import dev.tollgate.audit.AuditTrail;
import dev.tollgate.platform.ClientAddress;
import dev.tollgate.platform.Configuration;

/**
 * Checks a sign-in attempt and records it, and keeps accounts from being guessed at without letting anyone lock the
 * real admin out:
 * <ul>
 * <li>after {@value #MAX_FAILURES} failed sign-ins for one account name <em>from one client address</em> within 15
 * minutes (since its last successful one from there), further attempts for that name from that address are
 * refused until the oldest of those failures is 15 minutes old; the same name from another address still signs in;
 * <li>after {@code tollgate.console.sign-in.address-failures} (default {@value #ADDRESS_MAX_FAILURES}) failed
 * sign-ins from one address within 15 minutes, whatever the names, every sign-in from that address is refused
 * likewise (each attempt costs a 210,000-iteration hash, and this stops spraying one password over many names).
 * </ul>
 * A wrong current password given to "Change password" counts as a failed sign-in for the signed-in name (someone
 * who found a signed-in browser must not be able to guess the password through that form); when it brings the name
 * to its limit, the session ends ({@link #changePassword}). A password change, like a sign-in, proves the password.
 *
 * <p>The failures are counted from the audit trail, which records each of them anyway, so every server of a
 * cluster counts the same ones. Checking, verifying and recording happen under one lock per name and address on
 * this server, so parallel posts cannot all pass the check before the first failure is counted (across servers, at
 * most one attempt per server can be in flight at once). The client address is the forwarded one behind a trusted
 * proxy ({@link ClientAddress}). The rule applies to any typed name, whether an account of that name exists or not,
 * and an unknown name costs as much time as a wrong password: neither the answer nor its timing says which names
 * exist.
 */
@ApplicationScoped
public class SignIns {

    /** What came of an attempt: the password was right (signed in, or changed), wrong, or not tried at all. */
    public enum Outcome { SIGNED_IN, WRONG, LOCKED }

    /** Why sign-ins are refused, and for how long: for this name from this address, or for the whole address. */
    public record Lockout(Duration left, boolean wholeAddress) {
    }

    static final int MAX_FAILURES = 5;
    static final int ADDRESS_MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int STRIPES = 64;
    private static final Set<AuditAction> FAILURES = EnumSet.of(AuditAction.SIGN_IN_FAILED,
            AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME, AuditAction.PASSWORD_CHANGE_FAILED);
    private static final Set<AuditAction> PROOFS = EnumSet.of(AuditAction.SIGNED_IN, AuditAction.PASSWORD_CHANGED);

    @Inject
    Admins admins;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    @Inject
    HttpServletRequest request;

    @Inject
    Configuration configuration;

    Clock clock = Clock.systemUTC();
    int addressMaxFailures = ADDRESS_MAX_FAILURES;

    private final Object[] locks = new Object[STRIPES];

    public SignIns() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    @PostConstruct
    void init() {
        addressMaxFailures = configuration.intValue("tollgate.console.sign-in.address-failures", ADDRESS_MAX_FAILURES);
    }

    /** For a test: the setting is read at the start, and {@link #init} reads it again. */
    void limitFailuresPerAddress(int max) {
        addressMaxFailures = max;
    }

    /** An attempt from the current request's client. */
    public Outcome attempt(String typedName, String password) {
        return attempt(typedName, password, clientAddress());
    }

    Outcome attempt(String typedName, String password, String address) {
        String name = key(typedName);
        synchronized (lock(name, address)) {
            if (lockout(name, address).isPresent()) {
                audit.record(AuditAction.SIGN_IN_REFUSED, name, null, null, address);
                return Outcome.LOCKED;
            }
            Optional<Admin> admin = admins.find(name);
            boolean valid = admin.isPresent()
                    ? passwords.matches(password, admin.get().getPasswordHash())
                    : passwords.matchesNothing(password);
            if (valid) {
                audit.record(AuditAction.SIGNED_IN, name, null, null, address);
                return Outcome.SIGNED_IN;
            }
            // Failures for names that are no account are kept apart, so that they can be kept for a shorter time: a
            // flood of them must not grow the trail without bound. Only admins, who know the names, see the difference.
            audit.record(admin.isPresent() ? AuditAction.SIGN_IN_FAILED : AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME,
                    name, null, null, address);
            return lockout(name, address).isPresent() ? Outcome.LOCKED : Outcome.WRONG;
        }
    }

    /**
     * A signed-in admin's change of their own password, from the current request's client. {@link Outcome#WRONG}:
     * the current password was wrong, and that was recorded and counted; {@link Outcome#LOCKED}: the name has
     * reached its limit from this address, so the caller must end the session.
     *
     * @throws AccountException if the new password breaks a rule (nothing is counted)
     */
    public Outcome changePassword(String username, String currentPassword, String newPassword) {
        return changePassword(username, currentPassword, newPassword, clientAddress());
    }

    Outcome changePassword(String username, String currentPassword, String newPassword, String address) {
        String name = key(username);
        synchronized (lock(name, address)) {
            if (lockout(name, address).isPresent()) {
                return Outcome.LOCKED;
            }
            try {
                admins.changePassword(name, currentPassword, newPassword);
                return Outcome.SIGNED_IN;
            } catch (AccountException e) {
                if (!"current".equals(e.field())) { // only a wrong current password says "current"
                    throw e;
                }
            }
            // Outside the change's transaction, which rolled back: the failure must stay recorded.
            audit.record(AuditAction.PASSWORD_CHANGE_FAILED, name, null, null, address);
            return lockout(name, address).isPresent() ? Outcome.LOCKED : Outcome.WRONG;
        }
    }

    private Object lock(String name, String address) {
        return locks[Math.floorMod((name + '\u0000' + address).hashCode(), STRIPES)];
    }

    /** Whether, why and how much longer sign-ins for this name from the current request's client are refused. */
    public Optional<Lockout> lockout(String typedName) {
        return lockout(key(typedName), clientAddress());
    }

    /** How much longer sign-ins for this name from this address are refused, if they are. */
    Optional<Duration> lockedFor(String typedName, String address) {
        return lockout(key(typedName), address).map(Lockout::left);
    }

    private Optional<Lockout> lockout(String name, String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        if (address != null && addressMaxFailures > 0) {
            List<Instant> fromAddress = audit.timesFrom(address, FAILURES, windowStart, addressMaxFailures);
            Optional<Duration> left = left(fromAddress, addressMaxFailures, now);
            if (left.isPresent()) {
                return Optional.of(new Lockout(left.get(), true));
            }
        }
        Instant since = (address == null
                ? audit.times(name, PROOFS, windowStart, 1)
                : audit.times(name, address, PROOFS, windowStart, 1))
                .stream().findFirst().orElse(windowStart);
        List<Instant> failures = address == null
                ? audit.times(name, FAILURES, since, MAX_FAILURES)
                : audit.times(name, address, FAILURES, since, MAX_FAILURES);
        return left(failures, MAX_FAILURES, now).map(left -> new Lockout(left, false));
    }

    /** Newest first: how long until the oldest of the {@code max} newest failures is a window old, if all are in. */
    private static Optional<Duration> left(List<Instant> failures, int max, Instant now) {
        if (failures.size() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.get(max - 1).plus(WINDOW)))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    private String clientAddress() {
        try {
            return ClientAddress.of(request);
        } catch (ContextNotActiveException | IllegalStateException noHttpRequest) {
            return null;
        }
    }

    /** A typed name as accounts and the audit trail know it: normalised, and no longer than the trail keeps. */
    static String key(String typedName) {
        // No account name holds a control character; as U+FFFD the attempt is still recorded (PostgreSQL cannot
        // store a NUL) and still counts against that typed name.
        String name = Admin.normalizeUsername(typedName).codePoints()
                .map(c -> Character.isISOControl(c) ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.length() > AuditRecord.ACTOR_MAX ? name.substring(0, AuditRecord.ACTOR_MAX) : name;
    }
}
