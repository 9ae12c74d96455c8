import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.tollgate.test.Browser;

/**
 * P3: the API Tokens console in headless Chromium against a seeded Tollgate. For the first page load and for each
 * AJAX action (sort by each column, filter by part of a name, by access level, by a pasted token value, jump to
 * the last page) it reads the browser's own timing of the request, from request sent to last byte received on
 * loopback, over TRIES tries, and prints p50 and p95 as markdown table rows.
 *
 * Every action is first run WARMUP times unrecorded, so that the figures are the steady state of a running server
 * rather than its first compilations (P4 covers the start).
 *
 * Usage: java -cp <test classpath> ConsoleTimings.java BASE_URL WARMUP TRIES TOKEN_VALUE ADMIN PASSWORD
 */
public class ConsoleTimings {

    static final String TABLE = "tokens-form:tokens";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int warmup = Integer.parseInt(args[1]);
        int tries = Integer.parseInt(args[2]);
        String tokenValue = args[3];
        Map<String, List<Double>> timings = new LinkedHashMap<>();
        try (Browser browser = Browser.start()) {
            browser.signIn(base, args[4], args[5]);
            measure(browser, base, tokenValue, warmup, new LinkedHashMap<>());
            measure(browser, base, tokenValue, tries, timings);
        }
        timings.forEach((action, ms) -> System.out.printf("| P3 %s (p50 / p95 of %d) | %.0f / %.0f ms | p95 ≤ 100 ms |%n",
                action, ms.size(), percentile(ms, 50), percentile(ms, 95)));
    }

    static void measure(Browser browser, String base, String tokenValue, int tries, Map<String, List<Double>> timings) {
        WebDriver driver = browser.driver();
        String page = base + "/settings/core/api-tokens";
        for (int i = 0; i < tries; i++) {
            browser.open(page);
            record(timings, "first load of the tokens page", navigationTime(driver));
        }
        for (String column : List.of("name", "token", "level", "expires", "addresses", "last-used", "requests",
                "created")) {
            for (int i = 0; i < tries; i++) {
                record(timings, "sort by " + column, ajax(browser, () -> header(browser, column).click()));
            }
        }
        for (int i = 0; i < tries; i++) {
            record(timings, "jump to the last page", ajax(browser,
                    () -> browser.find(By.cssSelector(".ui-paginator-last")).click()));
            ajax(browser, () -> browser.find(By.cssSelector(".ui-paginator-first")).click());
        }
        showFilters(browser);
        for (int i = 0; i < tries; i++) {
            record(timings, "filter by partial name \"ums\"", ajax(browser, () -> type(browser, "name", "ums")));
            ajax(browser, () -> type(browser, "name", ""));
        }
        for (int i = 0; i < tries; i++) {
            String level = i % 2 == 0 ? "Read only" : "Read and write";
            record(timings, "filter by access level", ajax(browser, () -> level(browser, level)));
        }
        js(driver, "PF('tokens').clearFilters();");
        browser.waitForAjax();
        for (int i = 0; i < tries; i++) {
            String expiry = i % 2 == 0 ? "Expired or expiring within 7 days" : "Expiring within 7 days";
            record(timings, "filter by expiry", ajax(browser, () -> browser.choose(TABLE + ":expiry-filter", expiry)));
        }
        js(driver, "PF('tokens').clearFilters();");
        browser.waitForAjax();
        for (int i = 0; i < tries; i++) {
            String allowed = i % 2 == 0 ? "Listed addresses only" : "Any address";
            record(timings, "filter by allowed addresses", ajax(browser,
                    () -> browser.choose(TABLE + ":addresses-filter", allowed)));
        }
        js(driver, "PF('tokens').clearFilters();");
        browser.waitForAjax();
        for (int i = 0; i < tries; i++) {
            record(timings, "filter by a pasted token value", ajax(browser, () -> type(browser, "token", tokenValue)));
            ajax(browser, () -> type(browser, "token", ""));
        }
    }

    static WebElement header(Browser browser, String column) {
        return browser.find(By.id(TABLE + ":" + column));
    }

    static void showFilters(Browser browser) {
        WebElement filter = browser.driver().findElement(By.id(TABLE + ":name:filter"));
        if (!filter.isDisplayed()) {
            browser.find(By.id("tokens-form:filter-results")).click();
        }
        browser.find(By.id(TABLE + ":name:filter"));
    }

    static void type(Browser browser, String column, String text) {
        WebElement input = browser.find(By.id(TABLE + ":" + column + ":filter"));
        input.clear();
        if (text.isEmpty()) {
            // clear() fires no key event; tell the table the filter changed, as typing would
            js(browser.driver(), "PF('tokens').filter();");
        } else {
            input.sendKeys(text);
        }
    }

    /** Chooses a level in the filter's menu as an admin does: open it, click the item. */
    static void level(Browser browser, String label) {
        browser.choose(TABLE + ":level-filter", label);
    }

    /** Runs an action that sends one AJAX request and returns that request's time as the browser measured it. */
    static double ajax(Browser browser, Runnable action) {
        js(browser.driver(), "performance.clearResourceTimings();");
        action.run();
        browser.waitUntil(d -> ((Number) js(d, "return performance.getEntriesByType('resource')"
                + ".filter(e => e.initiatorType === 'xmlhttprequest' && e.responseEnd > 0).length")).intValue() > 0);
        browser.waitForAjax();
        return ((Number) js(browser.driver(), "var e = performance.getEntriesByType('resource')"
                + ".filter(e => e.initiatorType === 'xmlhttprequest'); e = e[e.length - 1];"
                + "return e.responseEnd - e.requestStart;")).doubleValue();
    }

    static double navigationTime(WebDriver driver) {
        return ((Number) js(driver, "var n = performance.getEntriesByType('navigation')[0];"
                + "return n.responseEnd - n.requestStart;")).doubleValue();
    }

    static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static void record(Map<String, List<Double>> timings, String action, double ms) {
        timings.computeIfAbsent(action, a -> new ArrayList<>()).add(ms);
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
