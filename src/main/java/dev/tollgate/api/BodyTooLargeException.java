package dev.tollgate.api;

import java.io.IOException;

/**
 * A request body over {@link BodyLimit#MAX_BYTES}. An {@link IOException} so that it travels, as a cause, through
 * the JSON parser that was reading when the limit was hit.
 */
class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("The request body is larger than " + BodyLimit.MAX_BYTES + " bytes.");
    }
}
