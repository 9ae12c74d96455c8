package dev.tollgate.console;

import jakarta.faces.context.FacesContext;

/** The admin on whose behalf the console changes tokens: the signed-in user, or "admin" while sign-in is off. */
final class ActingAdmin {

    static final String UNSIGNED = "admin";

    private ActingAdmin() {
    }

    static String name() {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        return user == null || user.isBlank() ? UNSIGNED : user;
    }
}
