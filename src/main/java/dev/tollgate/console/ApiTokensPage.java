package dev.tollgate.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import dev.tollgate.token.AccessLevel;
import dev.tollgate.token.ApiToken;
import dev.tollgate.token.ExpiryFilter;
import dev.tollgate.token.TokenGoneException;
import dev.tollgate.token.Tokens;

/**
 * Settings › Core › API Tokens: the table of tokens and deleting them. Adding and editing live in
 * {@link TokenForm}. View scoped, so that a chosen sort lasts while the admin stays and is gone after a reload.
 */
@Named("apiTokens")
@ViewScoped
public class ApiTokensPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "tokens-form";

    @Inject
    TokenRows rows;

    @Inject
    Tokens tokens;

    @Inject
    TokenFeedback feedback;

    /** The token the admin is asked to confirm the deletion of: its id and its name as the question showed it. */
    private Long pendingId;
    private String pendingName;

    public TokenRows getRows() {
        return rows;
    }

    public AccessLevel[] getLevels() {
        return AccessLevel.values();
    }

    public ExpiryFilter[] getExpiryFilters() {
        return ExpiryFilter.values();
    }

    public boolean expired(ApiToken token) {
        return token.isExpired(Instant.now());
    }

    /** Whether the row's old value, from its last rotation, still works. */
    public boolean inGrace(ApiToken token) {
        return token.inGrace(Instant.now());
    }

    public String getEmptyMessage() {
        return rows.isFiltered() ? "No API tokens match these filters."
                : "There are no API tokens yet. Click “Add API Token” to create the first one.";
    }

    /** The cross on a row: asks to confirm, naming the token as it is now, or says that it is gone. */
    public void askDelete() {
        pendingId = null;
        feedback.attempt(FORM, () -> {
            ApiToken token = TokenParam.fromRequest().flatMap(tokens::find).orElseThrow(TokenGoneException::new);
            pendingId = token.getId();
            pendingName = token.getName();
        });
    }

    /** "Yes, Delete API Token". */
    public void delete() {
        Long id = pendingId;
        pendingId = null;
        feedback.attempt(FORM, () -> {
            tokens.delete(Optional.ofNullable(id).orElseThrow(TokenGoneException::new), ActingAdmin.name());
            feedback.info(FORM, "The API token “" + pendingName + "” was deleted.");
        });
    }

    public String getPendingName() {
        return pendingName;
    }
}
