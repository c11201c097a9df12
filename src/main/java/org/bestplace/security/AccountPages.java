package org.bestplace.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Everyone's own account: who they are, their roles, sector and organisation, their audits with
 * their role on each; and changing their own password, which ends their other sessions while
 * this one goes on.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(User user, List<UserResource.Membership> audits, boolean changed);

        static native TemplateInstance password(PasswordForm form);
    }

    /** The change-password form after a refusal: the field at fault and the message (no password is sent back). */
    public record PasswordForm(boolean mustChange, String username, int minPasswordLength, String field,
            String message) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Memberships memberships;

    @Inject
    UserService users;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance account(@QueryParam("changed") boolean changed) {
        User user = currentUser.user();
        return Templates.account(user, memberships.of(user), changed);
    }

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(form(null, null));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String oldPassword, @RestForm String newPassword,
            @RestForm String repeatPassword) {
        try {
            if (newPassword != null && !newPassword.equals(repeatPassword)) {
                throw DomainException.invalid("repeatPassword", "The two new passwords differ; type the same one"
                        + " twice.");
            }
            Long keep = identity.getAttribute(Sessions.ATTRIBUTE) instanceof Sessions.Live live ? live.id() : null;
            users.changePassword(currentUser.user(), oldPassword, newPassword, keep);
            return Response.seeOther(URI.create("/account?changed=true")).build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.password(form(e.field(), e.getMessage())).render()).build();
        }
    }

    private PasswordForm form(String field, String message) {
        return new PasswordForm(Boolean.TRUE.equals(identity.getAttribute(PasswordChangeGate.ATTRIBUTE)),
                currentUser.user().username, UserService.MIN_PASSWORD_LENGTH, field, message);
    }
}
