package dev.tollgate.headers;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.logging.Logger;

import dev.tollgate.platform.Configuration;

/**
 * The headers every response carries, console and API alike: no framing, no content sniffing, no referrer beyond
 * this origin, and nothing kept in a cache except the static resources (the console's pages show tokens, and the
 * AJAX answer that carries a new token's value shows it once; neither a shared cache nor the back button may keep
 * either).
 *
 * <p>The console's Content-Security-Policy comes from PrimeFaces ({@code primefaces.CSP} in web.xml), since only it
 * knows the nonce it gave each script it wrote; API answers get {@value #API_POLICY} from here: they are never meant
 * to run in a browser. HSTS is off unless {@value #HSTS} gives a max-age in seconds: only the operator knows whether
 * every client reaches Tollgate over HTTPS.
 */
@ApplicationScoped
public class ResponseHeaders {

    static final String HSTS = "tollgate.http.hsts";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Logger LOG = Logger.getLogger(ResponseHeaders.class.getName());

    @Inject
    Configuration configuration;

    private String strictTransportSecurity;

    @PostConstruct
    void readConfiguration() {
        strictTransportSecurity = strictTransportSecurity(configuration.value(HSTS).orElse(null));
        if (strictTransportSecurity != null) {
            LOG.info(() -> "Tollgate sends Strict-Transport-Security: " + strictTransportSecurity);
        }
    }

    /** The HSTS header for a configured value, null for none; a value that is not a number of seconds is refused. */
    static String strictTransportSecurity(String configured) {
        String value = configured == null ? "" : configured.strip();
        if (value.isEmpty() || value.equals("0")) {
            return null;
        }
        if (!value.matches("\\d{1,9}")) {
            throw new IllegalStateException(HSTS + " must be a max-age in seconds (e.g. 31536000), or 0 for none; "
                    + "it is \"" + value + "\"");
        }
        return "max-age=" + Long.parseLong(value);
    }

    /** The Strict-Transport-Security header sent, or null. */
    public String strictTransportSecurity() {
        return strictTransportSecurity;
    }

    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (strictTransportSecurity != null) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.setHeader("Content-Security-Policy", API_POLICY);
        }
    }
}
