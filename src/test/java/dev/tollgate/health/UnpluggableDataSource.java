package dev.tollgate.health;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The embedded Derby data source with a plug that a test can pull: while unplugged, no connection can be had and
 * every connection the pool already holds fails as a dropped network connection does (SQLState 08006), so the
 * server sees what it would see if its database server went away. Plugged in again, everything works as before.
 * The test deployment names it in web.xml's data source instead of {@link EmbeddedDataSource}.
 *
 * <p>The plug is a system property, not a field: Open Liberty loads the class of an application-defined data source
 * from a shared library of the server (the liberty profile puts this class there beside Derby), while the test's
 * resource ({@link DatabasePlugResource}) reaches the WAR's own copy of this class. Two copies, one JVM: only a
 * JVM-wide switch is seen by both. On the other servers both are the same class, and nothing changes.
 */
public class UnpluggableDataSource extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;
    private static final String UNPLUGGED = UnpluggableDataSource.class.getName() + ".unplugged";
    /** What a pool may still call on a dead connection without an error, as with a real driver. */
    private static final Set<String> HARMLESS = Set.of("close", "isClosed", "hashCode", "equals", "toString");

    static void unplug() {
        System.setProperty(UNPLUGGED, "true");
    }

    static void plugIn() {
        System.clearProperty(UNPLUGGED);
    }

    private static boolean unplugged() {
        return System.getProperty(UNPLUGGED) != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnplugged("08001");
        return plugged(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        refuseWhileUnplugged("08001");
        return plugged(super.getConnection(user, password));
    }

    private static void refuseWhileUnplugged(String state) throws SQLException {
        if (unplugged()) {
            throw new SQLNonTransientConnectionException("The test pulled the database's plug", state);
        }
    }

    private static Connection plugged(Connection real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("isValid") && unplugged()) {
                return false;
            }
            if (!HARMLESS.contains(method.getName())) {
                refuseWhileUnplugged("08006");
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(UnpluggableDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }
}
