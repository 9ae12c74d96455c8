package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;


/**
 * Backs Settings › Account › Change password. The admin's other sessions end with the change (their password stamp
 * is old); this one is tied to the new stamp and stays signed in. Wrong current passwords count as failed sign-ins
 * ({@link SignIns#changePassword}); at the limit this session ends too.
 */
@Named
@RequestScoped
public class PasswordChange {

    static final String FORM = "passwordForm";

    @Inject
    FacesContext faces;

    @Inject
    Admins admins;

    @Inject
    AdminSessions sessions;

    @Inject
    SignIns signIns;

    private String current;
    private final NewPassword newPassword = new NewPassword();

    public void submit() throws IOException {
        if (!newPassword.isRepeatedExactly()) {
            Messages.error(FORM + ":repeated", NewPassword.MISMATCH);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            switch (signIns.changePassword(external.getRemoteUser(), current, newPassword.getValue())) {
                case SIGNED_IN -> {
                    sessions.remember(request, external.getRemoteUser());
                    Messages.info("Your password has been changed.");
                }
                case WRONG -> Messages.error(FORM + ":current", Admins.WRONG_CURRENT);
                case LOCKED -> {
                    sessions.end(request, "Session ended: too many wrong current passwords");
                    external.redirect(external.getRequestContextPath() + "/sign-in?locked=true");
                }
            }
        } catch (AccountException e) {
            Messages.show(FORM, e);
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
