package dev.tollgate.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages for the account pages: an {@link AccountException} is shown at the input it concerns. */
final class Messages {

    private Messages() {
    }

    static void show(String formId, AccountException e) {
        error(e.field() == null ? null : formId + ":" + e.field(), e.getMessage());
    }

    static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
