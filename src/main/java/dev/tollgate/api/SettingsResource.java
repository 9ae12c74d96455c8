package dev.tollgate.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import dev.tollgate.setting.SettingNotFoundException;
import dev.tollgate.setting.Settings;

/** {@code /api/settings}: the core settings, read with a read-only token, written with a read-and-write one. */
@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    Settings settings;

    @Context
    UriInfo uri;

    @GET
    public List<SettingView> list() {
        return settings.list().stream().map(SettingView::of).toList();
    }

    @GET
    @Path("{key}")
    public SettingView get(@PathParam("key") String key) {
        return settings.find(key).map(SettingView::of).orElseThrow(() -> new SettingNotFoundException(key));
    }

    /** Creates (201) or replaces (200). */
    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("key") String key, SettingValue body) {
        Settings.Saved saved = settings.put(key, SettingValue.textOf(body));
        SettingView view = SettingView.of(saved.setting());
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("{key}")
    public void delete(@PathParam("key") String key) {
        settings.delete(key);
    }
}
