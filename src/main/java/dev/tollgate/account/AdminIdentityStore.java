package dev.tollgate.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/**
 * The console's identity store over our own admin table, for the form sign-in ({@link ConsoleForm}).
 *
 * <p>Only a name and password typed into that form reach this store, so an API token never opens the console; and
 * the API's own filter reads tokens only, so a password never works there.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    /** The role every console page requires (web.xml); every admin has it. */
    public static final String ADMIN_ROLE = "admin";

    @Inject
    SignIns signIns;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (signIns.attempt(login.getCaller(), login.getPasswordAsString()) != SignIns.Outcome.SIGNED_IN) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(SignIns.key(login.getCaller()), Set.of(ADMIN_ROLE));
    }
}
