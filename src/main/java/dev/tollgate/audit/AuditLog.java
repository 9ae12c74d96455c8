package dev.tollgate.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Backs Settings › Core › Audit Log: the lazy rows and the choices of the action filter. */
@Named
@ViewScoped
public class AuditLog implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditRows rows;

    public AuditRows getRows() {
        return rows;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }
}
