package org.bestplace.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    public record NewUser(
            // Normalised (and its characters checked) by UserService, which refuses look-alikes of taken names.
            @NotBlank @Size(max = 80) String username,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String organisation,
            @NotNull Sector sector,
            @NotEmpty Set<@NotNull Role> roles,
            @NotNull @Size(max = 200) String password) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, String displayName, String email, String organisation, String sector,
            List<String> roles, boolean active) {
        static UserView of(User user) {
            return new UserView(user.username, user.displayName, user.email, user.organisation, user.sector.name(),
                    user.roleSet().stream().map(Enum::name).toList(), user.isActive());
        }
    }

    public record PasswordChange(@NotNull @Size(max = 200) String oldPassword,
            @NotNull @Size(max = 200) String newPassword) {
    }

    public record Membership(String auditId, String title, String role, String sector) {
    }

    public record Me(String username, String displayName, String organisation, String sector, List<String> roles,
            List<Membership> audits) {
    }

    @POST
    @Path("/users")
    @RolesAllowed("ADMIN")
    public Response create(@Valid @NotNull NewUser body) {
        User user = users.create(body.username(), body.displayName(), body.email(), body.organisation(), body.sector(),
                EnumSet.copyOf(body.roles()), body.password());
        return Response.created(URI.create("/api/users/" + user.username)).entity(UserView.of(user)).build();
    }

    @GET
    @Path("/users")
    @RolesAllowed("ADMIN")
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
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
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        users.changePassword(currentUser.user(), body.oldPassword(), body.newPassword());
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
