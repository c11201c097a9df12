package org.bestplace.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.bestplace.BestplaceConfig;
import org.bestplace.activity.SignInThrottle;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The administrator's users pages: everyone with their roles, sector, organisation, e-mail, last
 * sign-in and whether the sign-in throttle holds them; a form to create a user; and one page per
 * user to change roles and sector, deactivate or reactivate, set a temporary password and unlock.
 * Every form calls the same {@link UserService} method as the API, and nothing is ever deleted.
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class UserPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(UsersView view);

        static native TemplateInstance user(UserView view);
    }

    /** The creation form's labels, so a refusal names the field as the page does. */
    static final Map<String, String> LABELS = Map.of("username", "Username", "displayName", "Name",
            "email", "E-mail address", "organisation", "Organisation", "sector", "Sector", "roles", "Roles",
            "password", "Password", "form", "");

    /** A user's line in the list, with times already in words. */
    public record Line(User user, String lastSignIn, long failedSignIns, boolean locked) {

        public String roles() {
            return String.join(", ", user.roleSet().stream().map(Enum::name).toList());
        }
    }

    /** The creation form's values and, after a refusal, the field at fault and the message. */
    public record NewUserForm(String username, String displayName, String email, String organisation, String sector,
            List<String> roles, String field, String message) {

        static NewUserForm empty() {
            return new NewUserForm("", "", "", "", "", List.of(), null, null);
        }

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }

        public String errorLabel() {
            return field == null ? null : LABELS.get(field);
        }
    }

    public record UsersView(List<Line> users, NewUserForm form, String created, List<String> sectors,
            List<String> roleNames, int minPasswordLength) {
    }

    /** One user's page; {@code form} names the form a refusal came from, {@code field} its field. */
    public record UserView(Line line, String done, String form, String field, String message, List<String> roles,
            String sector, List<String> sectors, List<String> roleNames, boolean self, int minPasswordLength,
            int throttleLimit) {

        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        public boolean refused(String which) {
            return which.equals(form);
        }
    }

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    BestplaceConfig config;

    @GET
    public TemplateInstance list(@QueryParam("created") String created) {
        return Templates.users(usersView(NewUserForm.empty(), created));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String organisation, @RestForm String sector, @RestForm List<String> roles,
            @RestForm String password) {
        List<String> chosen = roles == null ? List.of() : roles;
        try {
            User user = users.create(new NewUser(username, displayName, email, organisation, sector, chosen,
                    password));
            return Response.seeOther(URI.create("/users?created=" + encode(user.username))).build();
        } catch (DomainException e) {
            refusedOnly(e);
            // The password is never sent back into the page.
            NewUserForm form = new NewUserForm(username, displayName, email, organisation, sector, chosen,
                    e.field() == null ? "form" : e.field(), e.getMessage());
            return page(e.status(), Templates.users(usersView(form, null)));
        }
    }

    @GET
    @Path("{username}")
    public TemplateInstance one(@PathParam("username") String username, @QueryParam("done") String done) {
        return Templates.user(userView(username, done, null, null, null, null, null));
    }

    @POST
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("username") String username, @RestForm List<String> roles,
            @RestForm String sector) {
        List<String> chosen = roles == null ? List.of() : roles;
        try {
            users.changeRoles(username, chosen, sector, currentUser.user());
            return done(username, "roles");
        } catch (DomainException e) {
            refusedOnly(e);
            return page(e.status(), Templates.user(userView(username, null, "roles", e.field(), e.getMessage(), chosen,
                    sector)));
        }
    }

    @POST
    @Path("{username}/deactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("username") String username) {
        try {
            users.deactivate(username, currentUser.user());
            return done(username, "deactivated");
        } catch (DomainException e) {
            refusedOnly(e);
            return page(e.status(), Templates.user(userView(username, null, "active", null, e.getMessage(), null,
                    null)));
        }
    }

    @POST
    @Path("{username}/reactivation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactivate(@PathParam("username") String username) {
        users.reactivate(username);
        return done(username, "reactivated");
    }

    @POST
    @Path("{username}/temporary-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response temporaryPassword(@PathParam("username") String username, @RestForm String password) {
        try {
            users.setTemporaryPassword(username, password, currentUser.user());
            return done(username, "password");
        } catch (DomainException e) {
            refusedOnly(e);
            return page(e.status(), Templates.user(userView(username, null, "password", "password", e.getMessage(),
                    null, null)));
        }
    }

    @POST
    @Path("{username}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@PathParam("username") String username) {
        try {
            users.unlock(username);
            return done(username, "unlocked");
        } catch (DomainException e) {
            refusedOnly(e);
            return page(e.status(), Templates.user(userView(username, null, "unlock", null, e.getMessage(), null,
                    null)));
        }
    }

    /** Only a refusal of what was sent comes back as the form; anything else is the error page. */
    private static void refusedOnly(DomainException e) {
        if (e.status() != 400 && e.status() != 403 && e.status() != 409) {
            throw e;
        }
    }

    private static Response done(String username, String what) {
        return Response.seeOther(URI.create("/users/" + encode(username) + "?done=" + what)).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private UsersView usersView(NewUserForm form, String created) {
        List<Line> lines = users.listed().stream().map(this::line).toList();
        return new UsersView(lines, form, created, sectorNames(), roleNames(), UserService.MIN_PASSWORD_LENGTH);
    }

    private UserView userView(String username, String done, String form, String field, String message,
            List<String> roles, String sector) {
        Line line = line(users.listed(username));
        User user = line.user();
        List<String> shownRoles = roles != null ? roles : user.roleSet().stream().map(Enum::name).toList();
        String shownSector = sector != null ? sector : user.sector.name();
        return new UserView(line, done, form, field, message, shownRoles, shownSector, sectorNames(), roleNames(),
                user.id.equals(currentUser.user().id), UserService.MIN_PASSWORD_LENGTH, SignInThrottle.LIMIT);
    }

    private Line line(UserService.Listed listed) {
        return new Line(listed.user(), when(listed.lastSignIn()), listed.failedSignIns(), listed.locked());
    }

    private String when(Instant instant) {
        if (instant == null) {
            return null;
        }
        ZoneId zone = ZoneId.of(config.defaultTimeZone());
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", java.util.Locale.UK).format(instant.atZone(zone));
    }

    private static List<String> sectorNames() {
        return java.util.Arrays.stream(Sector.values()).map(Enum::name).toList();
    }

    private static List<String> roleNames() {
        return java.util.Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
