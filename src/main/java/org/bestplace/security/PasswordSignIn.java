package org.bestplace.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.activity.SignInThrottle;
import org.bestplace.web.ClientAddress;

/**
 * Checks a username and password, from the sign-in form (whatever spelling of its path reached
 * it) or HTTP Basic. This is the one place a password is checked, so the throttle is asked and
 * every failure counted here, before anything else sees the attempt.
 *
 * <p>A form sign-in opens a {@link UserSession}: the identity it returns is named by the session's
 * token, because Quarkus writes that name into the encrypted sign-in cookie. Only the form's own
 * post sees that identity; every later request is {@link SessionSignIn}'s, named by the user.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Checked against when the username is unknown, so the answer takes as long either way. */
    private volatile String nobody;

    @Inject
    org.bestplace.BestplaceConfig config;

    @Inject
    SignInThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    ActivityLog activity;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean form = http != null
                && http.get(HttpAuthenticationMechanism.class.getName()) instanceof FormAuthenticationMechanism;
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String from = http == null ? null : ClientAddress.of(http.request());
        String door = form ? "sign-in form" : "HTTP Basic" + (http == null ? "" : " on " + http.request().path());
        return context.runBlocking(() -> {
            if (throttle.locked(username)) {
                throttle.failed(username, "Refused: too many failed sign-ins (" + door + ")", from);
                throw new AuthenticationFailedException("Too many failed sign-ins; try again later.");
            }
            Optional<User> user = check(username, password);
            if (user.isEmpty()) {
                throttle.failed(username, "Wrong username or password (" + door + ")", from);
                throw new AuthenticationFailedException("Wrong username or password.");
            }
            if (!form) {
                return identity(user.get().username, user.get());
            }
            String token = sessions.open(user.get());
            activity.recordApart(ActivityEvent.SIGN_IN, user.get().username, null, "Signed in with the sign-in form",
                    from);
            return identity(token, user.get());
        });
    }

    /** The active user with exactly this username and password. */
    @Transactional
    Optional<User> check(String username, String password) {
        Optional<User> user = User.byUsername(username);
        if (user.isEmpty()) {
            if (nobody == null) {
                nobody = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(Sessions.randomToken(),
                        config.passwordHashCost());
            }
            User.passwordMatchesHash(password, nobody);
            return Optional.empty();
        }
        return user.filter(u -> u.passwordMatches(password) && u.isActive());
    }

    private static SecurityIdentity identity(String name, User user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addAttribute(PasswordChangeGate.ATTRIBUTE, user.passwordMustChange)
                .addAttribute(CurrentUser.ATTRIBUTE, user);
        user.roleSet().forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }
}
