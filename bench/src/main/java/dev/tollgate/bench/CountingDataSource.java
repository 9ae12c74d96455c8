package dev.tollgate.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The embedded Derby data source with a counter of executed SQL statements: the benchmark reads it to prove that
 * malformed tokens cause no database query. The bench WAR's web.xml names it instead of EmbeddedDataSource.
 *
 * <p>The change feed's statements (on {@code TOKEN_CHANGE}: its poll every {@code tollgate.cluster.poll-millis}, its
 * purge) run on a timer whatever the requests are, so they have a counter of their own; the requests' counter would
 * otherwise show about five statements a second that no request caused.
 */
public class CountingDataSource extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;
    static final AtomicLong EXECUTED = new AtomicLong();
    static final AtomicLong FEED = new AtomicLong();
    private static final String FEED_TABLE = "TOKEN_CHANGE";
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    @Override
    public Connection getConnection() throws SQLException {
        return counting(Connection.class, super.getConnection(), EXECUTED);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return counting(Connection.class, super.getConnection(user, password), EXECUTED);
    }

    /**
     * A proxy of one JDBC interface that counts executions and wraps the statements it hands out; a statement whose
     * SQL (given to prepare it or to execute it) names the change feed's table counts as the feed's.
     */
    private static <T> T counting(Class<T> type, T target, AtomicLong counter) {
        Object proxy = Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    AtomicLong by = isFeeds(args) ? FEED : counter;
                    if (EXECUTIONS.contains(method.getName())) {
                        by.incrementAndGet();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Class<?> returned = method.getReturnType();
                    if (result != null && Statement.class.isAssignableFrom(returned) && returned.isInterface()) {
                        return wrap(returned, result, by);
                    }
                    return result;
                });
        return type.cast(proxy);
    }

    private static boolean isFeeds(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql && sql.contains(FEED_TABLE);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object wrap(Class<T> type, Object target, AtomicLong counter) {
        return counting(type, (T) target, counter);
    }
}
