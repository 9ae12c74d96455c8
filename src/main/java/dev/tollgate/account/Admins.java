package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.tollgate.audit.AuditAction;
import dev.tollgate.audit.AuditTrail;

import dev.tollgate.platform.Constraints;

/**
 * The admin accounts service: adding, removing, changing a password and creating the first admin, one transaction
 * per call, each recorded in the audit trail within that transaction.
 */
@ApplicationScoped
@Transactional
public class Admins {

    /** The first admin's name, and who the audit trail says created it. */
    static final String FIRST_ADMIN = "admin";
    static final String SYSTEM = "tollgate";
    static final String WRONG_CURRENT = "The current password is wrong.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Admin> find(String username) {
        return em.createNamedQuery("Admin.findByUsername", Admin.class)
                .setParameter("username", Admin.normalizeUsername(username))
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Admin> list() {
        return em.createNamedQuery("Admin.findAll", Admin.class).getResultList();
    }

    public Admin add(String username, String password, String actor) {
        String name = Admin.validUsername(username);
        if (find(name).isPresent()) {
            throw new AccountException("username", "An admin with this account name already exists.");
        }
        Admin admin = new Admin(name, passwords.hash(password), actor, clock.instant());
        persist(admin);
        audit.record(AuditAction.ADMIN_ADDED, actor, null, "Added admin \"" + name + "\"");
        return admin;
    }

    /**
     * Removes another admin. The count after the removal, not before, decides whether it was the last: two admins
     * removing each other at once must not leave none.
     */
    public void remove(String username, String actor) {
        Admin admin = find(username).orElseThrow(
                () -> new AccountException(null, "This admin account no longer exists."));
        if (admin.getUsername().equals(Admin.normalizeUsername(actor))) {
            throw new AccountException(null, "You cannot remove your own account.");
        }
        em.remove(admin);
        em.flush();
        if (count() == 0) {
            throw new AccountException(null, "The last admin account cannot be removed.");
        }
        audit.record(AuditAction.ADMIN_REMOVED, actor, null, "Removed admin \"" + admin.getUsername() + "\"");
    }

    /** Changes a signed-in admin's own password; the current one must be given. */
    public Admin changePassword(String username, String currentPassword, String newPassword) {
        Admin admin = find(username).orElseThrow(
                () -> new AccountException(null, "This admin account no longer exists."));
        if (!passwords.matches(currentPassword, admin.getPasswordHash())) {
            throw new AccountException("current", WRONG_CURRENT);
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountException("password", "The new password must differ from the current one.");
        }
        admin.changePassword(passwords.hash(newPassword), clock.instant());
        audit.record(AuditAction.PASSWORD_CHANGED, admin.getUsername(), null, "Changed own password");
        return admin;
    }

    /**
     * Creates {@value #FIRST_ADMIN} with this password if there is no admin at all; says whether it did. A generated
     * password must be changed at the first sign-in.
     */
    public boolean createFirstIfNone(String password, boolean generated) {
        if (count() > 0) {
            return false;
        }
        Admin first = new Admin(FIRST_ADMIN, passwords.hash(password), SYSTEM, clock.instant());
        if (generated) {
            first.requirePasswordChange();
        }
        persist(first);
        audit.record(AuditAction.FIRST_ADMIN_CREATED, SYSTEM, null,
                "Created the first admin account, \"" + FIRST_ADMIN + "\"");
        return true;
    }

    /** Makes an admin replace their password before they can go on (a generated one; tests). */
    void requirePasswordChange(String username) {
        find(username).ifPresent(Admin::requirePasswordChange);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createNamedQuery("Admin.count", Long.class).getSingleResult();
    }

    /** Flushes now, so that a concurrent add of the same name is a clear message rather than a failed commit. */
    private void persist(Admin admin) {
        try {
            em.persist(admin);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                throw new AccountException("username", "An admin with this account name already exists.");
            }
            throw e;
        }
    }
}
