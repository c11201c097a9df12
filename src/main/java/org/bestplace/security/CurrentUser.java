package org.bestplace.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.bestplace.web.DomainException;

/** The signed-in user of this request, loaded once. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private User user;

    public User user() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new DomainException(401, "Unauthorized", "Sign in to continue.", null, null);
            }
            user = User.byUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> new DomainException(401, "Unauthorized", "Sign in to continue.", null, null));
        }
        return user;
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_NAME);
    }
}
