package dev.tollgate.console;

import jakarta.faces.context.FacesContext;

import java.util.Optional;

/**
 * The id of the token that a row's edit or delete button acts on, rendered into the button as a request parameter.
 * A row index would be unsafe here: if another admin deletes a token meanwhile, the rows shift and the index
 * points at a different token.
 */
final class TokenParam {

    static final String NAME = "token";

    private TokenParam() {
    }

    static Optional<Long> fromRequest() {
        return parse(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(NAME));
    }

    /** Anything that is not a plain id (the parameter is client input) is no token at all. */
    static Optional<Long> parse(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
