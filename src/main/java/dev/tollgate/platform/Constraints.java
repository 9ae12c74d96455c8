package dev.tollgate.platform;

import java.sql.SQLException;

/**
 * Reads a persistence failure for what services turn into a clear message: a unique or other integrity constraint
 * that a concurrent write hit between the service's own check and the flush.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Whether the failure, or anything that caused it, is an SQL integrity violation (SQLState class 23). */
    public static boolean violated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
