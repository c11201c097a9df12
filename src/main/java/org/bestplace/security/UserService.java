package org.bestplace.security;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bestplace.BestplaceConfig;
import org.bestplace.audit.Sector;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.web.DomainException;

/** Creates users and checks the password policy. */
@ApplicationScoped
public class UserService {

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    public static final int MIN_PASSWORD_LENGTH = 12;

    @RetryOnConflict
    @Transactional
    public User create(String username, String displayName, String organisation, Sector sector, Set<Role> roles,
            String password) {
        return create(username, displayName, null, organisation, sector, roles, password);
    }

    /** As above, with an e-mail address (or null) by which a trust's identity provider may name the user. */
    @RetryOnConflict
    @Transactional
    public User create(String username, String displayName, String email, String organisation, Sector sector,
            Set<Role> roles, String password) {
        checkPassword(password, username);
        if (roles.isEmpty()) {
            throw DomainException.invalid("roles", "A user needs at least one role.");
        }
        if (User.byUsername(username).isPresent()) {
            throw DomainException.conflict("username", "The username '" + username + "' is taken.");
        }
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && User.byEmail(address).isPresent()) {
            throw DomainException.conflict("email", "Another user has the e-mail address '" + address + "'.");
        }
        User user = new User(username, displayName.strip(), organisation.strip(), sector, roles, password,
                config.passwordHashCost());
        user.email = address;
        user.persist();
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Created user " + username + " (" + sector + ") with roles "
                + roles.stream().map(Enum::name).sorted().toList());
        return user;
    }

    public List<User> all() {
        return User.list("order by username");
    }

    static void checkPassword(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid("password", "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw DomainException.invalid("password", "A password must not contain the username.");
        }
    }
}
