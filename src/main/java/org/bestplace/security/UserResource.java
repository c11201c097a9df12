package org.bestplace.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Memberships memberships;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, String displayName, String email, String organisation, String sector,
            List<String> roles, boolean active, boolean passwordMustChange, java.time.Instant lastSignIn,
            Boolean locked) {
        static UserView of(User user) {
            return new UserView(user.username, user.displayName, user.email, user.organisation, user.sector.name(),
                    user.roleSet().stream().map(Enum::name).toList(), user.isActive(), user.passwordMustChange, null,
                    null);
        }

        static UserView of(UserService.Listed listed) {
            User user = listed.user();
            return new UserView(user.username, user.displayName, user.email, user.organisation, user.sector.name(),
                    user.roleSet().stream().map(Enum::name).toList(), user.isActive(), user.passwordMustChange,
                    listed.lastSignIn(), listed.locked());
        }
    }

    /** New service-wide roles and, optionally, a new sector. */
    public record RolesChange(List<String> roles, String sector) {
    }

    public record TemporaryPassword(String password) {
    }

    /** Checked by UserService, as the account page's form is. */
    public record PasswordChange(String oldPassword, String newPassword) {
    }

    public record Membership(String auditId, String title, String role, String sector) {
    }

    public record Me(String username, String displayName, String organisation, String sector, List<String> roles,
            List<Membership> audits) {
    }

    @POST
    @Path("/users")
    @RolesAllowed("ADMIN")
    public Response create(@NotNull NewUser body) {
        User user = users.create(body);
        return Response.created(URI.create("/api/users/" + user.username)).entity(UserView.of(user)).build();
    }

    @GET
    @Path("/users")
    @RolesAllowed("ADMIN")
    public List<UserView> list() {
        return users.listed().stream().map(UserView::of).toList();
    }

    @PUT
    @Path("/users/{username}/roles")
    @RolesAllowed("ADMIN")
    public UserView changeRoles(@PathParam("username") String username, @NotNull RolesChange body) {
        return UserView.of(users.changeRoles(username, body.roles(), body.sector(), currentUser.user()));
    }

    @POST
    @Path("/users/{username}/temporary-password")
    @RolesAllowed("ADMIN")
    public UserView temporaryPassword(@PathParam("username") String username, @NotNull TemporaryPassword body) {
        return UserView.of(users.setTemporaryPassword(username, body.password(), currentUser.user()));
    }

    @POST
    @Path("/users/{username}/unlock")
    @RolesAllowed("ADMIN")
    public UserView unlock(@PathParam("username") String username) {
        users.unlock(username);
        return UserView.of(users.listed(username));
    }

    @POST
    @Path("/users/{username}/deactivation")
    @RolesAllowed("ADMIN")
    public UserView deactivate(@PathParam("username") String username) {
        return UserView.of(users.deactivate(username, currentUser.user()));
    }

    @POST
    @Path("/users/{username}/reactivation")
    @RolesAllowed("ADMIN")
    public UserView reactivate(@PathParam("username") String username) {
        return UserView.of(users.reactivate(username));
    }

    @POST
    @Path("/me/password")
    public Response changePassword(@NotNull PasswordChange body) {
        // HTTP Basic has no session of its own to keep: every session of the user ends.
        users.changePassword(currentUser.user(), body.oldPassword(), body.newPassword(), null);
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    public Me me() {
        User user = currentUser.user();
        UserView view = UserView.of(user);
        List<Membership> audits = memberships.of(user);
        return new Me(view.username(), view.displayName(), view.organisation(), view.sector(), view.roles(), audits);
    }
}
