package dev.tollgate.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Reads a persistence failure for what services turn into a clear message: a unique or other integrity constraint
 * that a concurrent write hit between the service's own check and the flush, or a database out of reach.
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

    /**
     * Whether the failure, or anything that caused it, says the database cannot be reached (SQLState class 08, a
     * connection exception): the API answers 503 rather than 500, since a retry may well succeed.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
