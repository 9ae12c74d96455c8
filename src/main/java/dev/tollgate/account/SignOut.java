package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Backs the "Sign out" button of the account bar: a POST, so that no other site can sign an admin out. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    FacesContext faces;

    @Inject
    AdminSessions sessions;

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        sessions.end((HttpServletRequest) external.getRequest(), null);
        external.redirect(external.getRequestContextPath() + "/sign-in?signed-out=true");
    }
}
