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
 */
public class CountingDataSource extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;
    static final AtomicLong EXECUTED = new AtomicLong();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    @Override
    public Connection getConnection() throws SQLException {
        return counting(Connection.class, super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return counting(Connection.class, super.getConnection(user, password));
    }

    /** A proxy of one JDBC interface that counts executions and wraps the statements it hands out. */
    private static <T> T counting(Class<T> type, T target) {
        Object proxy = Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (EXECUTIONS.contains(method.getName())) {
                        EXECUTED.incrementAndGet();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Class<?> returned = method.getReturnType();
                    if (result != null && Statement.class.isAssignableFrom(returned) && returned.isInterface()) {
                        return wrap(returned, result);
                    }
                    return result;
                });
        return type.cast(proxy);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object wrap(Class<T> type, Object target) {
        return counting(type, (T) target);
    }
}
