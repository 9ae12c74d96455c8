package dev.tollgate.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import dev.tollgate.token.ApiToken;
import dev.tollgate.token.GracePeriod;
import dev.tollgate.token.Rotated;
import dev.tollgate.token.TokenGoneException;
import dev.tollgate.token.Tokens;

/**
 * A row's "Rotate" action and the "End now" of a running grace, each asked in a dialog first. The new value is
 * shown once through {@link OneTimeValue}, exactly like a new token's; this bean never holds it.
 */
@Named
@ViewScoped
public class TokenRotation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    TokenFeedback feedback;

    @Inject
    OneTimeValue oneTimeValue;

    @Inject
    Timestamps when;

    /** The token a dialog asks about: its id, and its name and state as the question showed them. */
    private Long pendingId;
    private String pendingName;
    private String pendingOldHint;
    private boolean pendingInGrace;
    private GracePeriod grace = GracePeriod.DEFAULT;

    /** The rotate icon on a row. */
    public void askRotate() {
        ask();
        grace = GracePeriod.DEFAULT;
    }

    /** "Rotate Value". */
    public void rotate() {
        Long id = pendingId;
        pendingId = null;
        feedback.attempt(ApiTokensPage.FORM, () -> {
            Rotated rotated = tokens.rotate(Optional.ofNullable(id).orElseThrow(TokenGoneException::new),
                    grace, ActingAdmin.name());
            ApiToken token = rotated.token();
            feedback.info(ApiTokensPage.FORM, "The API token “" + token.getName() + "” has a new value; "
                    + (token.inGrace(Instant.now()) ? "the old one works until " + when.format(token.getPreviousUntil())
                    + "." : "the old one no longer works."));
            oneTimeValue.show(token.getName(), rotated.value().reveal());
        });
    }

    /** "End now" beside a running grace. */
    public void askEndGrace() {
        ask();
    }

    /** "Yes, Stop Old Value". */
    public void endGrace() {
        Long id = pendingId;
        pendingId = null;
        feedback.attempt(ApiTokensPage.FORM, () -> {
            ApiToken token = tokens.endGrace(Optional.ofNullable(id).orElseThrow(TokenGoneException::new),
                    ActingAdmin.name());
            feedback.info(ApiTokensPage.FORM, "The old value of the API token “" + token.getName()
                    + "” no longer works.");
        });
    }

    private void ask() {
        pendingId = null;
        feedback.attempt(ApiTokensPage.FORM, () -> {
            ApiToken token = TokenParam.fromRequest().flatMap(tokens::find).orElseThrow(TokenGoneException::new);
            pendingId = token.getId();
            pendingName = token.getName();
            pendingOldHint = token.getPreviousHint();
            pendingInGrace = token.inGrace(Instant.now());
        });
    }

    public GracePeriod[] getGraces() {
        return GracePeriod.values();
    }

    public String choice(GracePeriod period) {
        return period == GracePeriod.NONE ? "None: the old value stops now" : period.label();
    }

    public GracePeriod getGrace() {
        return grace;
    }

    public void setGrace(GracePeriod grace) {
        this.grace = grace;
    }

    public String getPendingName() {
        return pendingName;
    }

    public String getPendingOldHint() {
        return pendingOldHint;
    }

    /** Whether the token asked about still had an old value in its grace: rotating again stops that one. */
    public boolean isPendingInGrace() {
        return pendingInGrace;
    }
}
