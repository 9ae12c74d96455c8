package dev.tollgate.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenGoneException;
import dev.tollgate.token.TokenValue;
import dev.tollgate.token.Tokens;

/**
 * The "Add API Token" / edit form. A new token starts with a generated value; "edit" lets the admin type their own.
 * An existing token shows only its hint, and keeps its value unless the admin sets or regenerates a new one. The
 * value saved is shown once through {@link OneTimeValue} and then dropped from this bean.
 */
@Named
@ViewScoped
public class TokenForm implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "token-form";

    @Inject
    Tokens tokens;

    @Inject
    TokenFeedback feedback;

    @Inject
    OneTimeValue oneTimeValue;

    private Long id;
    private long version;
    private TokenFields fields = new TokenFields();
    private SecretField secret = SecretField.current(null);

    public void startAdd() {
        clear();
        secret = SecretField.generated(tokens.generateValue().reveal());
    }

    public void startEdit() {
        clear();
        feedback.attempt(ApiTokensPage.FORM, () -> {
            ApiToken token = TokenParam.fromRequest().flatMap(tokens::find).orElseThrow(TokenGoneException::new);
            id = token.getId();
            version = token.getVersion();
            secret = SecretField.current(token.getHint());
            fields = TokenFields.of(token);
        });
    }

    public void editValue() {
        secret.edit();
    }

    public void regenerate() {
        secret.replace(tokens.generateValue().reveal());
    }

    public void keepCurrentValue() {
        secret.keepCurrent();
    }

    public void submit() {
        if (feedback.attempt(FORM, this::save)) {
            clear();
        }
    }

    private void save() {
        TokenValue newValue = secret.newValue() == null ? null : tokens.customValue(secret.newValue());
        ApiToken token = id == null
                ? tokens.create(fields.draft(), newValue, ActingAdmin.name())
                : tokens.update(id, version, fields.draft(), newValue, ActingAdmin.name());
        feedback.info(ApiTokensPage.FORM,
                "The API token “" + token.getName() + "” was " + (id == null ? "created." : "saved."));
        if (newValue != null) {
            oneTimeValue.show(token.getName(), newValue.reveal());
        }
    }

    /** Forgets everything, the pending value above all; also when the admin cancels. */
    public void clear() {
        id = null;
        version = 0;
        fields = new TokenFields();
        secret = SecretField.current(null);
    }

    public boolean isExisting() {
        return id != null;
    }

    public TokenFields getFields() {
        return fields;
    }

    public SecretField getSecret() {
        return secret;
    }
}
