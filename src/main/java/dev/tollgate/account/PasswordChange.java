package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;


/**
 * Backs Settings › Account › Change password. The admin's other sessions end with the change (their password stamp
 * is old); this one is tied to the new stamp and stays signed in.
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

    private String current;
    private final NewPassword newPassword = new NewPassword();

    public void submit() {
        if (!newPassword.isRepeatedExactly()) {
            Messages.error(FORM + ":repeated", NewPassword.MISMATCH);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            admins.changePassword(external.getRemoteUser(), current, newPassword.getValue());
            sessions.remember((HttpServletRequest) external.getRequest(), external.getRemoteUser());
            Messages.info("Your password has been changed.");
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
