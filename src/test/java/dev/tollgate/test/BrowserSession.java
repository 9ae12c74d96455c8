package dev.tollgate.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for all tests of a class, started before the first and closed after the last:
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession();}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    public Browser browser() {
        return browser;
    }
}
