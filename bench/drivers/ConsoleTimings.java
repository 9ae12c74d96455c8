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
 * AJAX action (sort by each column, each direction apart; the next page, a page in the middle, the last page; filter
 * by a name text never typed before, of 1, 2 and 3 characters, and by one typed before; by access level, expiry,
 * allowed addresses and a pasted token value) it reads the browser's own timing of the request, from request sent
 * to last byte received on loopback, over TRIES tries, and prints p50 and p95 as markdown table rows.
 *
 * Every action is first run WARMUP times unrecorded, so that the figures are the steady state of a running server
 * rather than its first compilations (P4 covers the start). A filter text "never typed before" is new to the server
 * in the warm-up too: the table remembers the count of every text it has seen (TokenCounts), and the first sight is
 * what an admin who types pays.
 *
 * Usage: java -cp <test classpath> ConsoleTimings.java BASE_URL WARMUP TRIES TOKEN_VALUE ADMIN PASSWORD [TARGET_MS]
 */
public class ConsoleTimings {

    static final String TABLE = "tokens-form:tokens";

    /** The characters of the seeded names (bench/src BenchServlet: words, digits, dashes) that new texts are made of. */
    static final String LETTERS = "abcdefghiklmnoprstuy0123456789";

    /** How many new filter texts of each length this run has typed: none is ever typed twice. */
    static final Map<Integer, Integer> typed = new java.util.HashMap<>();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int warmup = Integer.parseInt(args[1]);
        int tries = Integer.parseInt(args[2]);
        String tokenValue = args[3];
        String target = "p95 ≤ " + (args.length > 6 ? args[6] : "100") + " ms";
        Map<String, List<Double>> timings = new LinkedHashMap<>();
        try (Browser browser = Browser.start()) {
            browser.signIn(base, args[4], args[5]);
            measure(browser, base, tokenValue, warmup, new LinkedHashMap<>());
            measure(browser, base, tokenValue, tries, timings);
        }
        timings.forEach((action, ms) -> System.out.printf("| P3 %s (p50 / p95 of %d) | %.0f / %.0f ms | %s |%n",
                action, ms.size(), percentile(ms, 50), percentile(ms, 95), target));
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
            // each click turns the order; the header says which way it now is
            for (int i = 0; i < 2 * tries; i++) {
                double ms = ajax(browser, () -> header(browser, column).click());
                record(timings, "sort by " + column + ", " + header(browser, column).getAttribute("aria-sort"), ms);
            }
        }
        browser.open(page); // alphabetical again
        for (int i = 0; i < tries; i++) {
            record(timings, "next page", ajax(browser,
                    () -> browser.find(By.cssSelector(".ui-paginator-next")).click()));
        }
        int pages = ((Number) js(driver, "return PF('tokens').paginator.cfg.pageCount;")).intValue();
        for (int i = 0; i < tries && pages > 2; i++) {
            // pages spread over the whole range, never the first or the last, each different from the one before
            int middle = 1 + (int) ((long) (pages - 2) * (2 * i + 1) / (2L * tries));
            if (middle == currentPage(driver)) {
                continue;
            }
            record(timings, "a page in the middle", ajax(browser,
                    () -> js(driver, "PF('tokens').paginator.setPage(" + middle + ");")));
        }
        for (int i = 0; i < tries; i++) {
            record(timings, "jump to the last page", ajax(browser,
                    () -> browser.find(By.cssSelector(".ui-paginator-last")).click()));
            ajax(browser, () -> browser.find(By.cssSelector(".ui-paginator-first")).click());
        }
        showFilters(browser);
        for (int length = 1; length <= 3; length++) {
            for (int i = 0; i < tries; i++) {
                String text = newText(length);
                record(timings, "filter by a name text never typed before, " + length
                        + (length == 1 ? " character" : " characters"), ajax(browser, () -> type(browser, "name", text)));
                ajax(browser, () -> type(browser, "name", ""));
            }
        }
        for (int i = 0; i < tries; i++) {
            record(timings, "filter by partial name \"ums\", typed before", ajax(browser,
                    () -> type(browser, "name", "ums")));
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

    /**
     * The next text of this length that no earlier try typed: counting in base LETTERS.length(). One character
     * gives 30 texts, enough for bench/run's 5 warm-up and 20 recorded tries.
     */
    static String newText(int length) {
        int n = typed.merge(length, 1, Integer::sum) - 1;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(n % LETTERS.length()));
            n /= LETTERS.length();
        }
        return text.toString();
    }

    static int currentPage(WebDriver driver) {
        return ((Number) js(driver, "return PF('tokens').paginator.cfg.page;")).intValue();
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
