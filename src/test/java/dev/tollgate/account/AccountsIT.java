package dev.tollgate.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.UserTransaction;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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

    @PersistenceContext
    EntityManager em;

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

    @Test
    void fiveFailuresLockAnAccountEvenAgainstTheRightPassword() {
        String name = unique("lock");
        admins.add(name, PASSWORD, "admin");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            assertEquals(Outcome.WRONG, signIns.attempt(name, "wrong password " + i));
        }
        assertEquals(Outcome.LOCKED, signIns.attempt(name, "wrong password 5"));
        assertEquals(Outcome.LOCKED, signIns.attempt(name, PASSWORD));
        Duration left = signIns.lockedFor(name).orElseThrow();
        assertTrue(left.compareTo(Duration.ofMinutes(14)) > 0 && left.compareTo(Duration.ofMinutes(15)) <= 0, left.toString());
        assertEquals(SignIns.MAX_FAILURES, records(AuditAction.SIGN_IN_FAILED, name).size());
        assertEquals(1, records(AuditAction.SIGN_IN_REFUSED, name).size());
        assertTrue(records(AuditAction.SIGN_IN_FAILED, name).stream().allMatch(r -> r.getClientIp() != null));

        String neighbour = unique("lock");
        admins.add(neighbour, PASSWORD, "admin");
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(neighbour, PASSWORD));
    }

    @Test
    void unknownNamesLockExactlyLikeRealOnes() {
        String ghost = unique("ghost");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            assertEquals(Outcome.WRONG, signIns.attempt(ghost, PASSWORD));
        }
        assertEquals(Outcome.LOCKED, signIns.attempt(ghost, PASSWORD));
        assertTrue(signIns.lockedFor(ghost.toUpperCase()).isPresent());
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String name = unique("reset");
        admins.add(name, PASSWORD, "admin");
        for (int i = 1; i < SignIns.MAX_FAILURES; i++) {
            signIns.attempt(name, "wrong password " + i);
        }
        assertEquals(Outcome.SIGNED_IN, signIns.attempt(name, PASSWORD));
        assertEquals(Outcome.WRONG, signIns.attempt(name, "wrong password again"));
        assertTrue(signIns.lockedFor(name).isEmpty());
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
    void sessionsEndAfterTheConfiguredIdleTime() {
        assertEquals(45 * 60, request.getSession().getMaxInactiveInterval(), "arquillian.xml sets 45 minutes");
    }

    private List<AuditRecord> records(AuditAction action, String actor) {
        return audit.page(new AuditSearch(new AuditFilter(actor, null, action), null, false, 0, 100)).stream()
                .filter(r -> r.getActor().equals(actor)).toList();
    }
}
