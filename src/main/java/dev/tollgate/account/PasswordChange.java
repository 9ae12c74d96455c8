package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

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
    private String password;
    private String repeated;

    public void submit() {
        if (!Objects.equals(password, repeated)) {
            Messages.error(FORM + ":repeated", "The new password and its repetition differ.");
            return;
        }
        ExternalContext external = faces.getExternalContext();
        try {
            admins.changePassword(external.getRemoteUser(), current, password);
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
