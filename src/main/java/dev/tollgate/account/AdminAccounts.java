package dev.tollgate.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs Settings › Account › Admins: the list of admins, adding one, and removing one that is neither the signed-in
 * admin nor the last. Request-scoped: the list is small and read fresh for every request.
 */
@Named
@RequestScoped
public class AdminAccounts {

    static final String FORM = "addForm";

    @Inject
    FacesContext faces;

    @Inject
    Admins admins;

    private List<Admin> all;
    private String username;
    private final NewPassword newPassword = new NewPassword();

    public List<Admin> getAll() {
        if (all == null) {
            all = admins.list();
        }
        return all;
    }

    public boolean isSelf(Admin admin) {
        return admin.getUsername().equals(me());
    }

    public boolean isRemovable(Admin admin) {
        return !isSelf(admin) && getAll().size() > 1;
    }

    public void add() {
        if (!newPassword.isRepeatedExactly()) {
            Messages.error(FORM + ":repeated", NewPassword.MISMATCH);
            return;
        }
        try {
            Admin added = admins.add(username, newPassword.getValue(), me());
            Messages.info("Admin \"" + added.getUsername() + "\" added.");
            username = null;
            all = null;
        } catch (AccountException e) {
            Messages.show(FORM, e);
        }
    }

    public void remove(String name) {
        try {
            admins.remove(name, me());
            Messages.info("Admin \"" + name + "\" removed.");
        } catch (AccountException e) {
            Messages.show(FORM, e);
        }
        all = null;
    }

    private String me() {
        return faces.getExternalContext().getRemoteUser();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}
