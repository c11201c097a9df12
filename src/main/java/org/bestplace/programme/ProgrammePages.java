package org.bestplace.programme;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.User;
import org.bestplace.statistics.FunnelPlot;
import org.bestplace.web.FunnelChart;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/** The programmes list (with the administrator's form for a new one) and a programme's page (with its edit form). */
@Path("/programmes")
@Produces(MediaType.TEXT_HTML)
public class ProgrammePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ProgrammeService.Listed> programmes, boolean admin,
                List<Choice> audits, ProgrammeForm form);

        static native TemplateInstance programme(ProgrammeService.ProgrammeView view, String funnel,
                FunnelPlot.Chart chart, List<String> leftOff, boolean admin, List<User> users, MemberForm form,
                List<Choice> audits, ProgrammeForm edit, String notice);
    }

    @Inject
    ProgrammeService programmes;

    @Inject
    CurrentUser currentUser;

    /** An audit offered on the form, and whether it is ticked. */
    public record Choice(String id, String title, String site, String criteriaSet, String status, boolean chosen) {
    }

    /** The new (or edited) programme form's values; after a refusal, the field at fault and the message. */
    public record ProgrammeForm(String title, List<String> auditIds, String field, String message) {
    }

    /** The add-a-lead form's value; after a refusal, the message. */
    public record MemberForm(String username, String field, String message) {
    }

    @GET
    public TemplateInstance list() {
        return list(new ProgrammeForm("", List.of(), null, null));
    }

    private TemplateInstance list(ProgrammeForm form) {
        boolean admin = currentUser.isAdmin();
        List<Choice> audits = admin ? programmes.auditsToChoose().stream().map(a -> choice(a, form)).toList()
                : List.of();
        return Templates.list(programmes.readable(currentUser.user(), admin), admin, audits, form);
    }

    private static Choice choice(Audit a, ProgrammeForm form) {
        String id = String.valueOf(a.id);
        return new Choice(id, a.title, a.site, a.criteriaSet.setId + " " + a.criteriaSet.version, a.status.name(),
                form.auditIds().contains(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm List<String> auditIds) {
        List<String> ids = auditIds == null ? List.of() : auditIds;
        try {
            Programme programme = programmes.create(title, ids, currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/programmes/" + programme.id)).build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            ProgrammeForm form = new ProgrammeForm(title, ids, e.field() == null ? "form" : e.field(), e.getMessage());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(list(form).render()).build();
        }
    }

    @GET
    @Path("{programmeId}")
    public TemplateInstance programme(@PathParam("programmeId") Long id, @QueryParam("saved") String saved) {
        String notice = saved == null ? null
                : "programme".equals(saved) ? "The programme's title and audits are saved." : "The programme's team is saved.";
        return page(id, new MemberForm(null, null, null), null, notice);
    }

    /** {@code edit} is null for the programme as it is (its title, its audits ticked). */
    private TemplateInstance page(Long id, MemberForm form, ProgrammeForm edit, String notice) {
        ProgrammeService.Reading reading = programmes.reading(id, currentUser.user(), currentUser.isAdmin());
        boolean admin = currentUser.isAdmin();
        ProgrammeService.ProgrammeView view = reading.view();
        ProgrammeForm shown = edit != null ? edit : new ProgrammeForm(view.title(),
                view.audits().stream().map(ProgrammeFigures.AuditRow::id).toList(), null, null);
        String funnel = FunnelChart.svg("programme-funnel", "Not qualifying by audit against patient-days, with"
                + " 95% and 99.8% limits", "audits", reading.funnel());
        return Templates.programme(view, funnel, reading.funnel(), reading.leftOff(), admin,
                admin ? programmes.usersToChoose() : List.of(), form,
                admin ? programmes.auditsToChoose().stream().map(a -> choice(a, shown)).toList() : List.of(), shown,
                notice);
    }

    /** The edit form: a new title and audits, checked as when the programme is made. */
    @POST
    @Path("{programmeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("programmeId") Long id, @RestForm String title, @RestForm List<String> auditIds) {
        List<String> ids = auditIds == null ? List.of() : auditIds;
        try {
            programmes.update(id, title, ids, currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/programmes/" + id + "?saved=programme")).build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            ProgrammeForm edit = new ProgrammeForm(title, ids, e.field() == null ? "form" : e.field(), e.getMessage());
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(id, new MemberForm(null, null, null), edit, null).render()).build();
        }
    }

    @POST
    @Path("{programmeId}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("programmeId") Long id, @RestForm String username) {
        try {
            programmes.putMember(id, username, null, currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/programmes/" + id + "?saved=yes")).build();
        } catch (DomainException e) {
            if (e.status() != 400 && !(e.status() == 404 && "username".equals(e.field()))) {
                throw e;
            }
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(id, new MemberForm(username, "username", e.getMessage()), null, null).render()).build();
        }
    }

    @POST
    @Path("{programmeId}/members/{username}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("programmeId") Long id, @PathParam("username") String username) {
        programmes.removeMember(id, username, currentUser.user(), currentUser.isAdmin());
        return Response.seeOther(URI.create("/programmes/" + id + "?saved=yes")).build();
    }
}
