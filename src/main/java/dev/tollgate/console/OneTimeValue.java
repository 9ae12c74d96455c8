package dev.tollgate.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;

/**
 * A token's new value, held for the one response that shows it. Request scoped on purpose: the secret never
 * enters the view or session state, so once the admin closes the dialog that showed it, nothing holds it.
 */
@Named
@RequestScoped
public class OneTimeValue {

    private String tokenName;
    private String value;

    void show(String tokenName, String value) {
        this.tokenName = tokenName;
        this.value = value;
        PrimeFaces.current().ajax().addCallbackParam("oneTimeValue", true);
    }

    public boolean isPresent() {
        return value != null;
    }

    public String getTokenName() {
        return tokenName;
    }

    public String getValue() {
        return value;
    }
}
