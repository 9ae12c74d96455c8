package dev.tollgate.audit;

/** What an audit record says happened. Stored by name; the label is what the Audit Log shows. */
public enum AuditAction {

    TOKEN_CREATED("Token created"),
    TOKEN_EDITED("Token edited"),
    TOKEN_VALUE_CHANGED("Token value changed"),
    TOKEN_DELETED("Token deleted"),
    TOKEN_ROTATED("Token rotated"),
    TOKEN_GRACE_ENDED("Token's old value stopped"),
    SIGNED_IN("Signed in"),
    SIGNED_OUT("Signed out"),
    SIGN_IN_FAILED("Sign-in failed"),
    SIGN_IN_FAILED_UNKNOWN_NAME("Sign-in failed: no such account"),
    SIGN_IN_REFUSED("Sign-in refused: too many failures"),
    ADMIN_ADDED("Admin added"),
    ADMIN_REMOVED("Admin removed"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_CHANGE_FAILED("Password change failed: wrong current password"),
    FIRST_ADMIN_CREATED("First admin created");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
