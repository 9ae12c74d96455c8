package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Objects;
import java.util.Optional;

import dev.tollgate.audit.AuditAction;
import dev.tollgate.audit.AuditTrail;

/**
 * The signed-in admin's session: what it remembers at sign-in, whether it is still good, and how it ends.
 *
 * <p>The container keeps the signed-in name in the session; on top of that the session keeps the account's
 * password stamp from sign-in. A session whose account was removed, or whose password was changed since, is no
 * longer current and is ended by {@link SessionGuard} at its next request.
 */
@ApplicationScoped
public class AdminSessions {

    static final String STAMP = AdminSessions.class.getName() + ".passwordStamp";

    @Inject
    Admins admins;

    @Inject
    AuditTrail audit;

    /** Ties this request's session to the account as it is now: after sign-in and after one's own password change. */
    public void remember(HttpServletRequest request, String username) {
        admins.find(username).ifPresent(admin -> request.getSession().setAttribute(STAMP, admin.passwordStamp()));
    }

    /** What a signed-in request's session may do: go on, change its password first, or nothing (it must end). */
    public enum State { CURRENT, MUST_CHANGE_PASSWORD, ENDED }

    public State state(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(STAMP);
        Optional<Admin> admin = stamp == null ? Optional.empty() : admins.find(request.getRemoteUser());
        if (admin.isEmpty() || !Objects.equals(stamp, admin.get().passwordStamp())) {
            return State.ENDED;
        }
        return admin.get().mustChangePassword() ? State.MUST_CHANGE_PASSWORD : State.CURRENT;
    }

    /** Signs the admin out: recorded, the container forgets the caller, and the session with all its state goes. */
    public void end(HttpServletRequest request, String why) {
        String admin = request.getRemoteUser();
        if (admin != null) {
            audit.record(AuditAction.SIGNED_OUT, admin, null, why);
        }
        try {
            request.logout();
        } catch (ServletException e) {
            throw new IllegalStateException("Could not sign out", e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
