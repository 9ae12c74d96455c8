package dev.tollgate.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;

/** The console's front door: {@code /} leads to the screen admins use most, Settings › Core › API Tokens. */
@Named
@RequestScoped
public class ConsoleHome {

    static final String START = "/settings/core/api-tokens";

    public void enter() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + START);
    }
}
