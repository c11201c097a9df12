package org.bestplace.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Who the page was rendered for ({@code {inject:signedIn.username}} in the layout): a shared
 * tablet's outbox keeps each review under its author and sends it only while that person is
 * signed in, so the page must say who that is. Empty when nobody is.
 */
@Named("signedIn")
@RequestScoped
public class SignedIn {

    @Inject
    SecurityIdentity identity;

    private User user;
    private boolean looked;

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** True for an administrator, to whom the layout offers the users pages. */
    public boolean admin() {
        return !identity.isAnonymous() && identity.hasRole(Role.ADMIN_NAME);
    }

    /** The person's display name, or their username when the account has none. */
    public String displayName() {
        User found = user();
        return found == null || found.displayName == null || found.displayName.isBlank() ? username()
                : found.displayName;
    }

    private User user() {
        if (!looked) {
            looked = true;
            user = identity.isAnonymous() ? null : User.byUsername(identity.getPrincipal().getName()).orElse(null);
        }
        return user;
    }
}
