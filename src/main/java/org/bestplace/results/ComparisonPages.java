package org.bestplace.results;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bestplace.audit.AuditService;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;

/** Two audits the caller can see, side by side, with the difference between them. */
@Path("/comparisons")
@Produces(MediaType.TEXT_HTML)
public class ComparisonPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance comparison(ComparisonView view);
    }

    public record AuditChoice(String id, String title) {
    }

    public record ComparisonView(List<AuditChoice> audits, String a, String b, String field, String message,
            Comparisons.Comparison comparison) {

        public String titleOf(String id) {
            return audits.stream().filter(c -> c.id().equals(id)).map(AuditChoice::title).findFirst().orElse(id);
        }
    }

    @Inject
    Comparisons comparisons;

    @Inject
    AuditService audits;

    @Inject
    CurrentUser currentUser;

    /** With no choice yet, the form; a refused choice comes back with the message by its field. */
    @GET
    public Response comparison(@QueryParam("a") String a, @QueryParam("b") String b,
            @QueryParam("with") String with) {
        List<AuditChoice> choices = audits.visibleTo(currentUser.user(), currentUser.isAdmin()).stream()
                .map(audit -> new AuditChoice(String.valueOf(audit.id), audit.title)).toList();
        // With no choice yet, the form; an audit's results page links here naming itself as the first.
        if (a == null && b == null) {
            return Response.ok(Templates.comparison(new ComparisonView(choices, with, null, null, null, null)))
                    .build();
        }
        try {
            Comparisons.Comparison comparison = comparisons.compare(a, b, currentUser.user(), currentUser.isAdmin());
            return Response.ok(Templates.comparison(new ComparisonView(choices, a, b, null, null, comparison)))
                    .build();
        } catch (DomainException refused) {
            return Response.status(refused.status()).entity(Templates.comparison(
                    new ComparisonView(choices, a, b, refused.field(), refused.getMessage(), null))).build();
        }
    }
}
