package org.bestplace.security;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.activity.SignInThrottle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bestplace.BestplaceConfig;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.web.DomainException;

/**
 * Creates users, changes their roles and sector, deactivates and reactivates them, sets
 * temporary passwords, lifts the sign-in throttle's lock, changes passwords, and checks the
 * rules for all of it. The API and the pages both call these methods. Nothing here deletes a user:
 * the activity log names people.
 */
@ApplicationScoped
public class UserService {

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    @Inject
    Sessions sessions;

    @Inject
    SignInThrottle throttle;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;

    /** A user as the administrator's list shows them: the account, its last sign-in and its throttle state. */
    public record Listed(User user, java.time.Instant lastSignIn, long failedSignIns, boolean locked) {
    }

    @RetryOnConflict
    @Transactional
    public User create(String username, String displayName, String organisation, Sector sector, Set<Role> roles,
            String password) {
        return create(username, displayName, null, organisation, sector, roles, password);
    }

    /** A user from the API or the users page: every rule checked here, each refusal naming its field. */
    @RetryOnConflict
    @Transactional
    public User create(NewUser request) {
        if (request == null) {
            throw DomainException.invalid("username", "Give the new user's details.");
        }
        String requested = request.username();
        if (requested == null || requested.isBlank() || requested.length() > 80) {
            throw usernameRule();
        }
        required(request.displayName(), "displayName", "Give the person's name as colleagues know it");
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            throw DomainException.invalid("email", "An e-mail address looks like name@example.nhs.uk (at most "
                    + MAX_EMAIL_LENGTH + " characters); leave it empty if there is none.");
        }
        required(request.organisation(), "organisation", "Give the organisation the person works for");
        Sector sector = sector(request.sector());
        Set<Role> roles = roles(request.roles());
        if (request.password() == null) {
            throw DomainException.invalid("password", "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        return create(requested, request.displayName(), email, request.organisation(), sector, roles,
                request.password());
    }

    /** As above, with an e-mail address (or null) by which a trust's identity provider may name the user. */
    @RetryOnConflict
    @Transactional
    public User create(String requested, String displayName, String email, String organisation, Sector sector,
            Set<Role> roles, String password) {
        // Normalised once, here: every later comparison is exact.
        String username = User.normalise(requested);
        if (!USERNAME.matcher(username).matches()) {
            throw usernameRule();
        }
        checkPassword(password, username);
        if (roles.isEmpty()) {
            throw DomainException.invalid("roles", "A user needs at least one role.");
        }
        User.lookAlike(username).ifPresent(existing -> {
            throw DomainException.conflict("username", "The username '" + username + "' is taken"
                    + (existing.username.equals(username) ? "." : " (by '" + existing.username + "')."));
        });
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (address != null && User.byEmail(address).isPresent()) {
            throw DomainException.conflict("email", "Another user has the e-mail address '" + address + "'.");
        }
        User user = new User(username, displayName.strip(), organisation.strip(), sector, roles, password,
                config.passwordHashCost());
        user.email = address;
        user.persist();
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Created user " + username + " (" + sector + ") with roles "
                + names(roles));
        return user;
    }

    /**
     * New service-wide roles and sector for someone else. The user's places on audit teams keep the
     * sector they were added with, so the reviews they wrote stay counted as they were.
     */
    @Transactional
    public User changeRoles(String username, List<String> requestedRoles, String requestedSector, User by) {
        User user = existing(username);
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody changes their own roles or sector; ask another administrator.");
        }
        Set<Role> roles = roles(requestedRoles);
        Sector sector = requestedSector == null ? user.sector : sector(requestedSector);
        Set<Role> before = user.roleSet();
        Sector sectorBefore = user.sector;
        if (before.equals(roles) && sectorBefore == sector) {
            return user;
        }
        user.changeStanding(roles, sector);
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Changed user " + user.username + ": roles " + names(before)
                + " to " + names(roles) + (sectorBefore == sector ? "" : ", sector " + sectorBefore + " to " + sector));
        return user;
    }

    /** Stops the user signing in anywhere, and ends every session they have. */
    @Transactional
    public User deactivate(String username, User by) {
        User user = existing(username);
        if (user.id.equals(by.id)) {
            throw DomainException.conflict("username", "You cannot deactivate yourself; ask another administrator.");
        }
        if (!user.isActive()) {
            return user;
        }
        user.deactivate(java.time.Instant.now());
        int ended = sessions.endAll(user, "DEACTIVATED");
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Deactivated user " + user.username + "; " + ended
                + " open session(s) ended");
        return user;
    }

    /** Lets the user sign in again; the sessions ended at deactivation stay ended. */
    @Transactional
    public User reactivate(String username) {
        User user = existing(username);
        if (user.isActive()) {
            return user;
        }
        user.reactivate();
        activity.record(ActivityEvent.ROLE_CHANGE, null, "Reactivated user " + user.username);
        return user;
    }

    /**
     * A password the administrator hands the person (a forgotten password, a first sign-in): every
     * session of theirs ends, and until they choose their own only their account answers.
     */
    @Transactional
    public User setTemporaryPassword(String username, String password, User by) {
        User user = existing(username);
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Change your own password on your account page, with your current one.");
        }
        checkPassword(password, user.username);
        user.setTemporaryPassword(password, config.passwordHashCost());
        int ended = sessions.endAll(user, "TEMPORARY_PASSWORD");
        activity.record(ActivityEvent.PASSWORD_CHANGE, null, "Set a temporary password for " + user.username
                + ", to be changed at the next sign-in; " + ended + " open session(s) ended");
        return user;
    }

    /** Lifts the sign-in throttle's lock: the failures so far no longer count (they stay in the log). */
    @Transactional
    public User unlock(String username) {
        User user = existing(username);
        long failures = throttle.recentFailures(user.username);
        if (failures < SignInThrottle.LIMIT) {
            throw DomainException.conflict(user.username + " is not locked out: the sign-in throttle counts "
                    + failures + " recent failed sign-in(s), and locks at " + SignInThrottle.LIMIT + ".");
        }
        user.unlockSignIn(throttle.now());
        activity.record(ActivityEvent.SIGN_IN_UNLOCK, null, "Unlocked the sign-in of " + user.username + " after "
                + failures + " failed sign-ins");
        return user;
    }

    /**
     * The caller's own password change. Every other session of theirs ends, so a stolen cookie stops
     * working; the session the change was made in (if any) goes on.
     */
    @Transactional
    public void changePassword(User caller, String oldPassword, String newPassword, Long keepSession) {
        User user = User.<User>findById(caller.id);
        if (oldPassword == null || !user.passwordMatches(oldPassword)) {
            throw DomainException.invalid("oldPassword", "That is not your current password.");
        }
        checkPassword(newPassword, user.username, "newPassword");
        if (newPassword.equals(oldPassword)) {
            throw DomainException.invalid("newPassword", "Choose a new password, not the current one again.");
        }
        user.changePassword(newPassword, config.passwordHashCost());
        int ended = keepSession == null ? sessions.endAll(user, "PASSWORD_CHANGED")
                : sessions.endAllBut(user, keepSession, "PASSWORD_CHANGED");
        activity.record(ActivityEvent.PASSWORD_CHANGE, null, "Changed their own password; " + ended
                + " other session(s) ended");
    }

    private static User existing(String username) {
        return User.byUsername(username)
                .orElseThrow(() -> DomainException.notFound("There is no user '" + username + "'."));
    }

    public User one(String username) {
        return existing(username);
    }

    public List<User> all() {
        return User.list("order by username");
    }

    /** Every user with their last sign-in and whether the throttle holds them, in two queries. */
    @Transactional
    public List<Listed> listed() {
        Map<String, SignInThrottle.State> states = throttle.states();
        List<Listed> listed = new ArrayList<>();
        for (User user : all()) {
            SignInThrottle.State state = states.getOrDefault(user.username, new SignInThrottle.State(null, 0));
            listed.add(new Listed(user, state.lastSignIn(), state.failures(), state.locked()));
        }
        return listed;
    }

    public Listed listed(String username) {
        User user = existing(username);
        return listed().stream().filter(l -> l.user().id.equals(user.id)).findFirst().orElseThrow();
    }

    static void checkPassword(String password, String username) {
        checkPassword(password, username, "password");
    }

    static void checkPassword(String password, String username, String field) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid(field, "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw DomainException.invalid(field, "A password has at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw DomainException.invalid(field, "A password must not contain the username.");
        }
    }

    private static DomainException usernameRule() {
        return DomainException.invalid("username", "A username has 2 to 64 characters, and may only hold"
                + " lower-case letters, digits, '.', '_' and '-'.");
    }

    private static void required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, what + ".");
        }
        if (value.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid(field, what + ", in at most " + MAX_NAME_LENGTH + " characters.");
        }
    }

    static Sector sector(String value) {
        if (value != null) {
            for (Sector sector : Sector.values()) {
                if (sector.name().equals(value.strip())) {
                    return sector;
                }
            }
        }
        throw DomainException.invalid("sector", "Choose the sector the person works in: HOSPITAL, COMMUNITY or"
                + " COMMISSIONER.");
    }

    static Set<Role> roles(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw DomainException.invalid("roles", "A user needs at least one role.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values) {
            Role found = null;
            for (Role role : Role.values()) {
                if (value != null && role.name().equals(value.strip())) {
                    found = role;
                }
            }
            if (found == null) {
                throw DomainException.invalid("roles", "'" + value + "' is not a role: choose from ADMIN, REVIEWER,"
                        + " CHAIR and COMMISSIONER.");
            }
            roles.add(found);
        }
        return roles;
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}
