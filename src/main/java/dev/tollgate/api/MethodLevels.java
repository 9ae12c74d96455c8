package dev.tollgate.api;

import static dev.tollgate.token.AccessLevel.READ_AND_WRITE;
import static dev.tollgate.token.AccessLevel.READ_ONLY;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tollgate.token.AccessLevel;

/**
 * Which access level a request needs: read only for GET, HEAD and OPTIONS, read and write for POST, PUT, PATCH and
 * DELETE, unless the resource method declares otherwise with {@link RequiresLevel}. Any other method is not
 * accepted at all.
 *
 * <p>The method is the one the request is dispatched with, so a method-override header ({@code X-HTTP-Method-Override}
 * and the like) cannot give a token more rights: nothing in the WAR honours those headers, and if a filter ever did,
 * the level would follow the method that really runs.
 */
final class MethodLevels {

    private static final Map<String, AccessLevel> DEFAULTS = defaults();

    /** The methods the API accepts, for a 405's {@code Allow} header. */
    static final String ALLOWED = String.join(", ", DEFAULTS.keySet());

    private MethodLevels() {
    }

    /** @return the level needed, or empty if the API does not accept the method at all (405) */
    static Optional<AccessLevel> required(String httpMethod, RequiresLevel declared) {
        AccessLevel byMethod = DEFAULTS.get(httpMethod);
        if (byMethod == null) {
            return Optional.empty();
        }
        return Optional.of(declared == null ? byMethod : declared.value());
    }

    private static Map<String, AccessLevel> defaults() {
        Map<String, AccessLevel> levels = new LinkedHashMap<>();
        for (String read : new String[] {"GET", "HEAD", "OPTIONS"}) {
            levels.put(read, READ_ONLY);
        }
        for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            levels.put(write, READ_AND_WRITE);
        }
        return Collections.unmodifiableMap(levels);
    }
}
