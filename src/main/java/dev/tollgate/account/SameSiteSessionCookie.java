package dev.tollgate.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Makes sure the session cookie says {@code SameSite=Lax}, as web.xml's {@code cookie-config} asks. Not every
 * server writes that attribute: GlassFish 7.0 drops web.xml's {@code <attribute>} (it logs "Deprecated element
 * attribute-name ... is ignored") and its session cookie never carries one. So the session cookie's
 * {@code Set-Cookie} header gets the attribute here, with standard Servlet API only, wherever the server set the
 * cookie: before the filters (the sign-in), while the application runs (a new session, a changed session id), and
 * before the response is committed (redirect, error, flush). A header that already has a SameSite attribute stays
 * as it is, so on a server that honours web.xml (Payara) this filter changes nothing.
 */
@WebFilter(filterName = "SameSiteSessionCookie", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SameSiteSessionCookie extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String SET_COOKIE = "Set-Cookie";
    static final String ATTRIBUTE = "SameSite=Lax";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith("/api")) { // the API makes no session: no cost on its hot path
            chain.doFilter(request, response);
            return;
        }
        String prefix = cookieName(request) + "=";
        Runnable mend = () -> mend(response, prefix);
        mend.run();
        chain.doFilter(new MendingRequest(request, mend), new MendingResponse(response, mend));
        mend.run();
    }

    private static String cookieName(HttpServletRequest request) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return name == null || name.isBlank() ? "JSESSIONID" : name;
    }

    /** Rewrites the response's Set-Cookie headers if one of them is the session cookie without SameSite. */
    static void mend(HttpServletResponse response, String prefix) {
        if (response.isCommitted()) {
            return;
        }
        List<String> cookies = List.copyOf(response.getHeaders(SET_COOKIE));
        if (cookies.stream().noneMatch(cookie -> lacksSameSite(cookie, prefix))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String cookie = cookies.get(i);
            String mended = lacksSameSite(cookie, prefix) ? cookie + "; " + ATTRIBUTE : cookie;
            if (i == 0) {
                response.setHeader(SET_COOKIE, mended);
            } else {
                response.addHeader(SET_COOKIE, mended);
            }
        }
    }

    static boolean lacksSameSite(String cookie, String prefix) {
        return cookie.startsWith(prefix) && !cookie.toLowerCase(Locale.ROOT).contains("samesite=");
    }

    /** The server adds the cookie when the application makes a session or changes its id: mend right after. */
    private static final class MendingRequest extends HttpServletRequestWrapper {

        private final Runnable mend;

        MendingRequest(HttpServletRequest request, Runnable mend) {
            super(request);
            this.mend = mend;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            mend.run();
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            mend.run();
            return id;
        }
    }

    /** The last moments before the headers go out. */
    private static final class MendingResponse extends HttpServletResponseWrapper {

        private final Runnable mend;

        MendingResponse(HttpServletResponse response, Runnable mend) {
            super(response);
            this.mend = mend;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            mend.run();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int status) throws IOException {
            mend.run();
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            mend.run();
            super.sendError(status, message);
        }

        @Override
        public void flushBuffer() throws IOException {
            mend.run();
            super.flushBuffer();
        }
    }
}
