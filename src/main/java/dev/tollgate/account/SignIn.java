package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * Backs the sign-in page. The session gets a new id before the credentials are checked, so that an id planted
 * before sign-in is worthless after it; on success the mechanism sends the browser back to the page it asked for,
 * or this bean sends it to the console's start page.
 */
@Named
@RequestScoped
public class SignIn {

    static final String WRONG = "The account name or password is wrong.";

    @Inject
    FacesContext faces;

    @Inject
    SecurityContext security;

    @Inject
    SignIns signIns;

    private String username;
    private String password;

    /** A signed-in admin who opens the sign-in page goes to the console instead. */
    public void skipIfSignedIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (external.getRemoteUser() != null) {
            external.redirect(external.getRequestContextPath() + "/");
        }
    }

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (external.getRemoteUser() != null) {
            skipIfSignedIn();
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(
                        username == null ? "" : username, new Password(password == null ? "" : password))));
        String back = ((HttpServletResponse) external.getResponse()).getHeader("Location");
        boolean backToAskedFor = back != null && (back.startsWith("/") || back.startsWith("http"))
                && !back.contains("/sign-in");
        if (status == AuthenticationStatus.SEND_CONTINUE
                || status == AuthenticationStatus.SUCCESS && backToAskedFor) {
            // Back to the page that was asked for: Soteria (Payara, GlassFish, WildFly) answers SEND_CONTINUE with
            // that redirect, Open Liberty SUCCESS with the redirect already set. When nothing was asked for, Liberty
            // leaves a Location that leads nowhere (or to the sign-in page): the console's home, as everywhere.
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/");
        } else {
            Messages.error(null, signIns.lockout(username).map(SignIn::lockedMessage).orElse(WRONG));
        }
    }

    static String lockedMessage(SignIns.Lockout lockout) {
        return lockout.wholeAddress() ? lockedMessage("from your address", lockout.left())
                : lockedMessage("for this account name", lockout.left());
    }

    static String lockedMessage(Duration left) {
        return lockedMessage("for this account name", left);
    }

    private static String lockedMessage(String what, Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return "Too many failed sign-ins " + what + ". Sign-in is paused; try again in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
