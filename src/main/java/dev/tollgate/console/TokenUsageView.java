package dev.tollgate.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.tollgate.token.ApiToken;
import dev.tollgate.token.TokenGoneException;
import dev.tollgate.token.Tokens;
import dev.tollgate.usage.Usage;
import dev.tollgate.usage.UsageReport;

/**
 * A row's "Usage" action: the token's last 30 days as a bar chart (served and refused per UTC day, PrimeFaces'
 * Chart.js component), the totals by reason, its last use and its busiest client addresses. Request scoped: the
 * report is read for the one response that shows it, and nothing of it stays in the view.
 */
@Named("tokenUsage")
@RequestScoped
public class TokenUsageView {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    @Inject
    Tokens tokens;

    @Inject
    Usage usage;

    @Inject
    TokenFeedback feedback;

    private String tokenName;
    private UsageReport report;

    /** The chart icon on a row. */
    public void show() {
        feedback.attempt(ApiTokensPage.FORM, () -> {
            ApiToken token = TokenParam.fromRequest().flatMap(tokens::find).orElseThrow(TokenGoneException::new);
            tokenName = token.getName();
            report = usage.report(token, LocalDate.now(ZoneOffset.UTC));
        });
    }

    public boolean isPresent() {
        return report != null;
    }

    public String getTokenName() {
        return tokenName;
    }

    public UsageReport getReport() {
        return report;
    }

    /**
     * Chart.js's configuration, as PrimeFaces' {@code p:chart} takes it: built with JSON-P from dates and counts only
     * (no name or other text a user typed), so nothing in it can break out of the script it is written into. Before a
     * report is shown, an empty chart, so that the page loads the chart's script with the page.
     */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder served = Json.createArrayBuilder();
        JsonArrayBuilder refused = Json.createArrayBuilder();
        if (report != null) {
            for (UsageReport.Day day : report.days()) {
                labels.add(LABEL.format(day.day()));
                served.add(day.served());
                refused.add(day.refused());
            }
        }
        JsonObject stacked = Json.createObjectBuilder().add("stacked", true).build();
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", "Served").add("data", served)
                                        .add("backgroundColor", "#3b82f6"))
                                .add(Json.createObjectBuilder().add("label", "Refused").add("data", refused)
                                        .add("backgroundColor", "#ef4444"))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", stacked)
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }
}
