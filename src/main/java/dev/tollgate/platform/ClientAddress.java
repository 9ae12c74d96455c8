package dev.tollgate.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.io.IOException;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * Records the client's address on every request: the connection's, or the forwarded one when a
 * {@link TrustedProxies trusted proxy} sent the request. The API's throttle and last use, the sign-in lockout and
 * the audit trail all read it from here, so that they agree on who a client is.
 *
 * <p>In a Servlet container the JAX-RS request properties are the servlet request's attributes, so the API's guard
 * reads it straight from the request it is given. Through an injected {@code @Context HttpServletRequest} every call
 * first looks up the current request: that one call was a third of the guard's cost under load (bench/run, P1).
 */
@WebFilter(filterName = "ClientAddress", urlPatterns = "/*")
public class ClientAddress extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String PROPERTY = ClientAddress.class.getName();
    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    @Inject
    transient Configuration configuration;

    private transient TrustedProxies proxies = TrustedProxies.NONE;

    /** Reads {@code tollgate.api.trusted-proxies} once; a wrong entry fails the start with the entry named. */
    @Override
    public void init() {
        proxies = TrustedProxies.parse(configuration.value(TrustedProxies.KEY).orElse(null),
                configuration.value(TrustedProxies.HEADER_KEY).orElse(null));
        if (!proxies.isEmpty()) {
            LOG.info(() -> "Tollgate takes the client's address from " + proxies.header()
                    + " when the request comes from " + configuration.value(TrustedProxies.KEY).orElse(""));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String remote = request.getRemoteAddr();
        String client = proxies.isEmpty() ? remote
                : proxies.clientOf(remote, Collections.list(request.getHeaders(proxies.header())));
        request.setAttribute(PROPERTY, client);
        chain.doFilter(request, response);
    }

    /** @return the address this filter recorded, or null if it did not run for the request */
    public static String of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof String address ? address : null;
    }

    /** @return the address this filter recorded, or the connection's if it did not run for the request */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(PROPERTY) instanceof String address ? address : request.getRemoteAddr();
    }
}
