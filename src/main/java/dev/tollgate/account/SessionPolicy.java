package dev.tollgate.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import dev.tollgate.platform.Configuration;

/**
 * Session settings that come from configuration rather than web.xml (which sets HttpOnly and SameSite=Lax):
 * the idle timeout, {@value #IDLE_MINUTES} (default 30), and {@value #SECURE_COOKIE}, which marks the session cookie
 * Secure even on plain-HTTP requests, for a server behind a proxy that ends TLS. Requests that arrive over HTTPS get
 * a Secure cookie anyway.
 */
@WebListener
public class SessionPolicy implements ServletContextListener, HttpSessionListener {

    static final String IDLE_MINUTES = "tollgate.session.idle-minutes";
    static final String SECURE_COOKIE = "tollgate.session.secure-cookie";
    static final int DEFAULT_IDLE_MINUTES = 30;

    @Inject
    Configuration configuration;

    private int idleSeconds = DEFAULT_IDLE_MINUTES * 60;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        idleSeconds = Math.max(1, configuration.intValue(IDLE_MINUTES, DEFAULT_IDLE_MINUTES)) * 60;
        if (Boolean.parseBoolean(configuration.value(SECURE_COOKIE, "false").strip())) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(idleSeconds);
    }
}
