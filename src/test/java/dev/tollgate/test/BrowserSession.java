package dev.tollgate.test;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for all tests of a class, started before the first and closed after the last:
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession();}. After each test it fails
 * the test if the console's Content-Security-Policy blocked anything on the way: the policy must never break a page.
 */
public final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            List<String> blocked = browser.policyViolations();
            if (!blocked.isEmpty()) {
                throw new AssertionError("The Content-Security-Policy blocked: " + blocked);
            }
        }
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
