package org.bestplace.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.bestplace.web.DomainException;

/** The signed-in user of this request, loaded once. */
@RequestScoped
public class CurrentUser {

    /**
     * The identity attribute holding the user as read when the request was signed in: with its
     * session, or with the password it gave.
     */
    public static final String ATTRIBUTE = "bestplace.user";

    @Inject
    SecurityIdentity identity;

    private User user;

    /**
     * The signed-in user as read with the request's session or password check, without reading
     * it again: a copy outside any transaction, for what the request checks and refers to (a
     * review's author), never for changing the user. Read here only when the sign-in did not
     * keep one (a provider's bearer token).
     */
    public User asSignedIn() {
        if (!identity.isAnonymous() && identity.getAttribute(ATTRIBUTE) instanceof User read
                && read.username.equals(identity.getPrincipal().getName())) {
            return read;
        }
        return user();
    }

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
