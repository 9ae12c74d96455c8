package dev.tollgate.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.tollgate.health.Checks;

/** The error page: tells a database that is gone from any other failure, so the admin knows to wait. */
@Named
@RequestScoped
public class FailurePage {

    @Inject
    Checks checks;

    private Boolean databaseReachable;

    public boolean isDatabaseReachable() {
        if (databaseReachable == null) {
            databaseReachable = checks.database().up();
        }
        return databaseReachable;
    }
}
