package dev.tollgate.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import dev.tollgate.api.Public;

/** Test-only: {@code DELETE /api/test-support/database-plug} pulls the database's plug, {@code PUT} puts it back. */
@Public
@Path("test-support/database-plug")
@ApplicationScoped
public class DatabasePlugResource {

    @DELETE
    public void unplug() {
        UnpluggableDataSource.unplug();
    }

    @PUT
    public void plugIn() {
        UnpluggableDataSource.plugIn();
    }
}
