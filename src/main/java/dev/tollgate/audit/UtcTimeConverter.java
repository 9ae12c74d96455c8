package dev.tollgate.audit;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Shows an {@link Instant} as {@code 2026-11-28 12:00:05 UTC}: the Audit Log and the admins list show when things
 * happened in one zone for every admin. Output only; {@code f:convertDateTime} of Faces 4.0 cannot format an
 * {@code Instant}.
 */
@FacesConverter("tollgate.utcTime")
public class UtcTimeConverter implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("Times are shown, not entered");
    }
}
