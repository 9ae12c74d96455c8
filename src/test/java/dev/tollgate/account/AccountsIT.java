package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.tollgate.account.SignIns.Outcome;
import dev.tollgate.audit.AuditAction;
import dev.tollgate.audit.AuditFilter;
import dev.tollgate.audit.AuditRecord;
import dev.tollgate.audit.AuditSearch;
import dev.tollgate.audit.AuditTrail;
import dev.tollgate.test.Browser;
import dev.tollgate.test.Deployments;
import dev.tollgate.test.InContainer;

/** Admin accounts, sign-in checks and lockout against the real Derby database, inside Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    static final String PASSWORD = "correct horse battery staple";

    @Deployment
    static WebArchive deployment() {
        return Deployments.tollgate();
    }

    @Inject
    Admins admins;

    @Inject
    SignIns signIns;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    AuditTrail audit;

    @Inject
    UserTransaction transaction;

    @Inject
    HttpServletRequest request;

    @Inject
    @InContainer
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFirstAdminSignsInWithTheConfiguredPassword() {
        assertEquals(Outcome.SIGNED_IN, signIns.attempt("admin", Browser.ADMIN_PASSWORD));
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(" Admin ", Browser.ADMIN_PASSWORD));
    }

    @Test
    void anEmptyDatabaseGetsTheFirstAdminFromConfiguration() throws Exception {
        int recorded = records(AuditAction.FIRST_ADMIN_CREATED, Admins.SYSTEM).size();
        transaction.begin();
        try {
            em.createQuery("DELETE FROM Admin").executeUpdate();
            assertEquals(0, admins.count());
            firstAdmin.createIfNone();
            assertEquals(List.of("admin"), admins.list().stream().map(Admin::getUsername).toList());
            assertEquals(Outcome.SIGNED_IN, signIns.attempt("admin", Browser.ADMIN_PASSWORD));
            assertEquals(recorded + 1, records(AuditAction.FIRST_ADMIN_CREATED, Admins.SYSTEM).size());
            firstAdmin.createIfNone();
            assertEquals(1, admins.count());

            em.createQuery("DELETE FROM Admin").executeUpdate();
            firstAdmin.createIfNone(true);
            assertEquals(0, admins.count(), "a training start creates no admin, so it prints no password");
        } finally {
            transaction.rollback();
        }
        assertTrue(admins.count() > 0);
    }

    @Test
    void passwordsAreStoredOnlyAsPbkdf2Hashes() {
        String name = unique("hash");
        admins.add(name, PASSWORD, "admin");
        String stored = (String) em.createNativeQuery("SELECT PASSWORD_HASH FROM ADMIN_ACCOUNT WHERE USERNAME = ?")
                .setParameter(1, name).getSingleResult();
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
        assertFalse(stored.contains(PASSWORD) || stored.contains("horse"));
        Number plain = (Number) em.createNativeQuery("SELECT COUNT(*) FROM ADMIN_ACCOUNT WHERE PASSWORD_HASH LIKE ?")
                .setParameter(1, "%horse%").getSingleResult();
        assertEquals(0, plain.intValue());
        Number inAudit = (Number) em.createNativeQuery("SELECT COUNT(*) FROM AUDIT_RECORD WHERE DETAILS LIKE ?")
                .setParameter(1, "%horse%").getSingleResult();
        assertEquals(0, inAudit.intValue());
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, PASSWORD));
        assertEquals(Outcome.WRONG, signIns.attempt(name, PASSWORD.toUpperCase()));
    }

    /** A client address of its own for each call (IPv6 documentation range): the lockout counts per address. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x:%x:%x::1", random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000));
    }

    @Test
    void fiveFailuresLockANameFromOneAddressButNotTheRealAdminElsewhere() {
        String name = unique("lock");
        String attacker = address();
        admins.add(name, PASSWORD, "admin");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            assertEquals(Outcome.WRONG, signIns.attempt(name, "wrong password " + i, attacker));
        }
        assertEquals(Outcome.LOCKED, signIns.attempt(name, "wrong password 5", attacker));
        assertEquals(Outcome.LOCKED, signIns.attempt(name, PASSWORD, attacker));
        Duration left = signIns.lockedFor(name, attacker).orElseThrow();
        assertTrue(left.compareTo(Duration.ofMinutes(14)) > 0 && left.compareTo(Duration.ofMinutes(15)) <= 0, left.toString());
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.SIGN_IN_FAILED, name).size());
        assertEquals(1, records(AuditAction.SIGN_IN_REFUSED, name).size());
        assertTrue(records(AuditAction.SIGN_IN_FAILED, name).stream().allMatch(r -> attacker.equals(r.getClientIp())));

        // the real admin, from anywhere else, is not locked out by someone who knows the name
        String admin = address();
        assertTrue(signIns.lockedFor(name, admin).isEmpty());
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, PASSWORD, admin));

        String neighbour = unique("lock");
        admins.add(neighbour, PASSWORD, "admin");
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(neighbour, PASSWORD, attacker));
    }

    @Test
    void parallelAttemptsCannotAllPassTheCheckBeforeTheFirstFailureCounts() throws Exception {
        String name = unique("burst");
        String attacker = address();
        admins.add(name, PASSWORD, "admin");
        int attempts = 3 * SignIns.MAX_FAILURES;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String password = "wrong password " + i;
            outcomes.add(executor.submit(() -> {
                start.await();
                return signIns.attempt(name, password, attacker);
            }));
        }
        start.countDown();
        List<Outcome> results = new ArrayList<>();
        for (Future<Outcome> outcome : outcomes) {
            results.add(outcome.get(5, TimeUnit.MINUTES));
        }
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.SIGN_IN_FAILED, name).size(), results.toString());
        assertEquals(attempts - SignIns.MAX_FAILURES, records(AuditAction.SIGN_IN_REFUSED, name).size());
        assertEquals(SignIns.MAX_FAILURES - 1, results.stream().filter(r -> r == Outcome.WRONG).count());
    }

    @Test
    void manyFailedNamesFromOneAddressPauseEverySignInFromIt() {
        int limit = 3;
        signIns.limitFailuresPerAddress(limit);
        try {
            String sprayer = address();
            for (int i = 1; i < limit; i++) {
                assertEquals(Outcome.WRONG, signIns.attempt(unique("spray"), PASSWORD, sprayer));
            }
            assertEquals(Outcome.LOCKED, signIns.attempt(unique("spray"), PASSWORD, sprayer), "failure " + limit);
            String name = unique("sprayed");
            admins.add(name, PASSWORD, "admin");
            assertEquals(Outcome.LOCKED, signIns.attempt(name, PASSWORD, sprayer), "the right password too");
            assertTrue(signIns.lockedFor(unique("any"), sprayer).isPresent());
            assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, PASSWORD, address()));
        } finally {
            signIns.init();
        }
    }

    @Test
    void unknownNamesLockExactlyLikeRealOnes() {
        String ghost = unique("ghost");
        String from = address();
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            assertEquals(Outcome.WRONG, signIns.attempt(ghost, PASSWORD, from));
        }
        assertEquals(Outcome.LOCKED, signIns.attempt(ghost, PASSWORD, from));
        assertTrue(signIns.lockedFor(ghost.toUpperCase(), from).isPresent());
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.SIGN_IN_FAILED_UNKNOWN_NAME, ghost).size(),
                "kept apart, for their shorter retention");
        assertEquals(0, records(AuditAction.SIGN_IN_FAILED, ghost).size());
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String name = unique("reset");
        String from = address();
        admins.add(name, PASSWORD, "admin");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            signIns.attempt(name, "wrong password " + i, from);
        }
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, PASSWORD, from));
        assertEquals(Outcome.WRONG, signIns.attempt(name, "wrong password again", from));
        assertTrue(signIns.lockedFor(name, from).isEmpty());
    }

    @Test
    void addingChecksNamesAndPasswords() {
        String name = unique("Dup");
        admins.add(name, PASSWORD, "admin");
        assertEquals("username", assertThrows(AccountException.class,
                () -> admins.add(name.toUpperCase(), PASSWORD, "admin")).field());
        assertEquals("username", assertThrows(AccountException.class,
                () -> admins.add("has space", PASSWORD, "admin")).field());
        String weak = unique("weak");
        assertEquals("password", assertThrows(AccountException.class,
                () -> admins.add(weak, "short", "admin")).field());
        assertTrue(admins.find(weak).isEmpty());
        assertEquals("Added admin \"" + name.toLowerCase() + "\"",
                records(AuditAction.ADMIN_ADDED, "admin").stream().filter(r -> r.getDetails().contains(name.toLowerCase()))
                        .findFirst().orElseThrow().getDetails());
    }

    @Test
    void anAdminRemovesOthersButNotThemselvesNorTheLast() throws Exception {
        String ann = unique("ann");
        String bob = unique("bob");
        admins.add(ann, PASSWORD, "admin");
        admins.add(bob, PASSWORD, "admin");

        assertThrows(AccountException.class, () -> admins.remove(ann, ann));
        admins.remove(bob, ann);
        assertTrue(admins.find(bob).isEmpty());
        assertEquals(1, records(AuditAction.ADMIN_REMOVED, ann).size());
        assertEquals(Outcome.WRONG, signIns.attempt(bob, PASSWORD));

        transaction.begin();
        try {
            em.createQuery("DELETE FROM Admin a WHERE a.username <> :ann").setParameter("ann", ann).executeUpdate();
            AccountException last = assertThrows(AccountException.class, () -> admins.remove(ann, "someone-else"));
            assertTrue(last.getMessage().contains("last"), last.getMessage());
        } finally {
            transaction.rollback();
        }
        assertTrue(admins.find(ann).isPresent());
    }

    @Test
    void changingAPasswordNeedsTheCurrentOneAndAStrongNewOne() {
        String name = unique("change");
        Admin admin = admins.add(name, PASSWORD, "admin");
        String next = "a brand new passphrase";

        assertEquals("current", assertThrows(AccountException.class,
                () -> admins.changePassword(name, "not the password", next)).field());
        assertEquals("password", assertThrows(AccountException.class,
                () -> admins.changePassword(name, PASSWORD, "too short")).field());
        assertEquals("password", assertThrows(AccountException.class,
                () -> admins.changePassword(name, PASSWORD, PASSWORD)).field());

        Admin changed = admins.changePassword(name, PASSWORD, next);
        assertNotEquals(admin.passwordStamp(), changed.passwordStamp());
        assertEquals(Outcome.WRONG, signIns.attempt(name, PASSWORD));
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, next));
        assertEquals(1, records(AuditAction.PASSWORD_CHANGED, name).size());
    }

    @Test
    void onlyAGeneratedFirstPasswordMustBeChanged() throws Exception {
        transaction.begin();
        try {
            em.createQuery("DELETE FROM Admin").executeUpdate();
            assertTrue(admins.createFirstIfNone("a generated password", true));
            assertTrue(admins.find("admin").orElseThrow().mustChangePassword());
            admins.changePassword("admin", "a generated password", "the admin's own passphrase");
            assertFalse(admins.find("admin").orElseThrow().mustChangePassword());
        } finally {
            transaction.rollback();
        }
        assertFalse(admins.find("admin").orElseThrow().mustChangePassword(), "a configured password is the admin's");
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignInsAndLockAtTheLimit() {
        String name = unique("thief");
        String stolenSession = address();
        admins.add(name, PASSWORD, "admin");
        String next = "a brand new passphrase";
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            assertEquals(Outcome.WRONG, signIns.changePassword(name, "guess " + i, next, stolenSession));
        }
        assertEquals(Outcome.LOCKED, signIns.changePassword(name, "guess 5", next, stolenSession));
        assertEquals(Outcome.LOCKED, signIns.changePassword(name, PASSWORD, next, stolenSession), "not even tried");
        assertEquals(Outcome.LOCKED, signIns.attempt(name, PASSWORD, stolenSession));
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.PASSWORD_CHANGE_FAILED, name).size());
        assertTrue(records(AuditAction.PASSWORD_CHANGE_FAILED, name).stream()
                .allMatch(r -> stolenSession.equals(r.getClientIp()) && r.getDetails() == null));
        assertEquals(0, records(AuditAction.PASSWORD_CHANGED, name).size());

        String owner = address();
        assertEquals(Outcome.SIGNED_IN, signIns.changePassword(name, PASSWORD, next, owner), "elsewhere it works");
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, next, owner));
        assertThrows(AccountException.class, () -> signIns.changePassword(name, next, "short", owner));
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.PASSWORD_CHANGE_FAILED, name).size(),
                "a weak new password is not a wrong current one");
    }

    @Test
    void sessionsEndAfterTheConfiguredIdleTime() {
        assertEquals(45 * 60, request.getSession().getMaxInactiveInterval(), "arquillian.xml sets 45 minutes");
    }

    private List<AuditRecord> records(AuditAction action, String actor) {
        return audit.page(new AuditSearch(new AuditFilter(actor, null, action), null, false, 0, 100)).stream()
                .filter(r -> r.getActor().equals(actor)).toList();
    }
}
