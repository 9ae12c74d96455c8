package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tollgate.audit.AuditAction;
import dev.tollgate.audit.AuditRecord;
import dev.tollgate.audit.AuditTrail;

/**
 * Checks a sign-in attempt and records it, and keeps accounts from being guessed at: after
 * {@value #MAX_FAILURES} failed sign-ins for one account name within 15 minutes (since its last successful one),
 * further attempts for that name are refused until the oldest of those failures is 15 minutes old.
 *
 * <p>The failures are counted from the audit trail, which records each of them anyway. The rule applies to any
 * typed name, whether an account of that name exists or not, and an unknown name costs as much time as a wrong
 * password: neither the answer nor its timing says which names exist.
 */
@ApplicationScoped
public class SignIns {

    public enum Outcome { SIGNED_IN, WRONG, LOCKED }

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    Admins admins;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    public Outcome attempt(String typedName, String password) {
        String name = key(typedName);
        if (lockedFor(name).isPresent()) {
            audit.record(AuditAction.SIGN_IN_REFUSED, name, null, null);
            return Outcome.LOCKED;
        }
        Optional<Admin> admin = admins.find(name);
        boolean valid = admin.isPresent()
                ? passwords.matches(password, admin.get().getPasswordHash())
                : passwords.matchesNothing(password);
        if (valid) {
            audit.record(AuditAction.SIGNED_IN, name, null, null);
            return Outcome.SIGNED_IN;
        }
        audit.record(AuditAction.SIGN_IN_FAILED, name, null, null);
        return lockedFor(name).isPresent() ? Outcome.LOCKED : Outcome.WRONG;
    }

    /** How much longer sign-ins for this name are refused, if they are. */
    public Optional<Duration> lockedFor(String typedName) {
        String name = key(typedName);
        Instant now = clock.instant();
        Instant since = audit.times(name, AuditAction.SIGNED_IN, now.minus(WINDOW), 1).stream().findFirst()
                .orElse(now.minus(WINDOW));
        List<Instant> failures = audit.times(name, AuditAction.SIGN_IN_FAILED, since, MAX_FAILURES);
        if (failures.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.get(MAX_FAILURES - 1).plus(WINDOW)))
                .filter(left -> !left.isNegative() && !left.isZero());
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
