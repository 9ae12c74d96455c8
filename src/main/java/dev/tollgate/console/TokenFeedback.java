package dev.tollgate.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.tollgate.token.InvalidTokenException;
import dev.tollgate.token.TokenChangedMeanwhileException;
import dev.tollgate.token.TokenGoneException;

/**
 * The one place where the console turns the token service's outcomes into Faces messages. A rule broken at a field
 * shows at that field of the form; anything else shows in the form's own messages, keyed by the form's id. Nothing
 * reaches the admin as a stack trace or an error page.
 */
@ApplicationScoped
public class TokenFeedback {

    static final String FAILED = "Something went wrong and nothing was saved. Please try again.";
    private static final Logger LOG = Logger.getLogger(TokenFeedback.class.getName());

    /** Runs a change for the form {@code formId}; on failure adds the message, marks validation failed, and says so. */
    public boolean attempt(String formId, Runnable change) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            change.run();
            return true;
        } catch (InvalidTokenException e) {
            error(faces, fieldOrForm(faces, formId, e.field()), e.getMessage());
        } catch (TokenGoneException | TokenChangedMeanwhileException e) {
            error(faces, formId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A token change from the console failed", e);
            error(faces, formId, FAILED);
        }
        faces.validationFailed();
        return false;
    }

    public void info(String formId, String message) {
        FacesContext.getCurrentInstance().addMessage(formId, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public void error(String formId, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        error(faces, formId, message);
        faces.validationFailed();
    }

    private static void error(FacesContext faces, String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** The field's client id when the form has an input with the field's name, marked invalid; else the form's id. */
    private static String fieldOrForm(FacesContext faces, String formId, String field) {
        UIComponent input = faces.getViewRoot().findComponent(":" + formId + ":" + field);
        if (input instanceof UIInput uiInput) {
            uiInput.setValid(false);
            return input.getClientId(faces);
        }
        return formId;
    }
}
