package org.bestplace.security;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bestplace.BestplaceConfig;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.web.ClientAddress;

/** The sign-in page, sign-in through the trust's identity provider, and the signed-in start page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, String oidcProvider);

        static native TemplateInstance home(User user, List<Memberships.AuditLink> audits);

        static native TemplateInstance signedIn(String username);

        static native TemplateInstance refused(String oidcProvider, String reason);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Memberships audits;

    @Inject
    BestplaceConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcAccounts accounts;

    @Inject
    SignInCookie signInCookie;

    @Inject
    ActivityLog activity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Instance<OidcSession> oidcSession;

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error, config.oidc().enabled() ? config.oidc().providerName() : null);
    }

    /**
     * Where the identity provider's authorization-code flow ends (only this path runs it). The
     * person it vouches for becomes the matching Bestplace user with the form's own session
     * cookie, and the provider's session cookie is dropped: every page then sees one kind of
     * session, and a person the provider knows but Bestplace does not gets no session at all.
     */
    @GET
    @Path("login/oidc")
    public Response oidcSignIn() {
        if (!config.oidc().enabled() || identity.getCredential(IdTokenCredential.class) == null) {
            // Switched off, or reached with the form's session: there is nobody to hand over.
            return Response.seeOther(URI.create("/")).build();
        }
        RoutingContext context = request.getCurrent();
        String from = ClientAddress.of(context.request());
        OidcAccounts.Match match = accounts.match(identity);
        oidcSession.get().logout().await().indefinitely();
        if (match.account().isEmpty()) {
            accounts.recordRefusal(match, "a sign-in", from);
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.refused(config.oidc().providerName(), match.refusal())).build();
        }
        String username = match.account().get().username();
        signInCookie.issue(username, context);
        activity.recordApart(ActivityEvent.SIGN_IN, username, null, "Signed in through "
                + config.oidc().providerName() + " as " + match.claimValue() + " (OIDC)", from);
        // A page of our own rather than a redirect: after a redirect chain that began at the provider
        // (another site), the browser would hold back the SameSite=Strict cookie just set.
        return Response.ok(Templates.signedIn(username)).header("Cache-Control", "no-store").build();
    }

    @Inject
    Sessions sessions;

    /**
     * Ends the session at the server, so the cookie opens nothing even if it was copied, and
     * expires the cookie; the page's script has already cleared the outbox.
     */
    @GET
    @Path("logout")
    public Response logout() {
        if (identity.getAttribute(Sessions.ATTRIBUTE) instanceof Sessions.Live live) {
            sessions.end(live.id());
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new jakarta.ws.rs.core.NewCookie.Builder("quarkus-credential").path("/").maxAge(0)
                        .httpOnly(true).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.STRICT).build())
                .build();
    }

    @GET
    public TemplateInstance home() {
        User user = currentUser.user();
        return Templates.home(user, audits.visibleTo(user, currentUser.isAdmin()));
    }
}
