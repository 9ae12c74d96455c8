package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Objects;

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

    public boolean isCurrent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(STAMP);
        return stamp != null && admins.find(request.getRemoteUser())
                .map(admin -> Objects.equals(stamp, admin.passwordStamp())).orElse(false);
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
