package org.bestplace.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;

@Path("/api/audits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audits;

    @Inject
    CurrentUser currentUser;

    public record CriteriaRef(@NotBlank String id, @NotBlank String version) {
    }

    public record NewAudit(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) String question,
            @NotBlank @Size(max = 200) String site,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> wards,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Valid CriteriaRef criteriaSet,
            @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal dualReviewRate,
            @Size(max = 64) String timeZone,
            @Size(max = 100) List<String> specialties,
            @Size(max = 30) String repeats) {
    }

    public record CriteriaView(String id, String version, String contentHash) {
    }

    public record AuditView(String id, String title, String question, String site, List<String> wards,
            LocalDate startDate, LocalDate endDate, CriteriaView criteriaSet, BigDecimal dualReviewRate,
            String status, String timeZone, List<String> specialties,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String repeats) {
        static AuditView of(Audit audit) {
            return new AuditView(String.valueOf(audit.id), audit.title, audit.question, audit.site,
                    List.copyOf(audit.wards), audit.startDate, audit.endDate,
                    new CriteriaView(audit.criteriaSet.setId, audit.criteriaSet.version, audit.criteriaHash),
                    audit.dualReviewRate, audit.status.name(), audit.timeZone,
                    audit.specialtiesOffered(), audit.repeats == null ? null : String.valueOf(audit.repeats.id));
        }
    }

    public record NewMember(@NotBlank @Size(max = 64) String username, @NotNull MemberRole role, Sector sector) {
    }

    public record MemberView(String username, String displayName, String organisation, String role,
            String sector) {
        static MemberView of(Member member) {
            return new MemberView(member.user.username, member.user.displayName, member.user.organisation,
                    member.role.name(), member.sector.name());
        }
    }

    public record StatusChange(@NotNull AuditStatus status, @Size(max = 2000) String reason) {
    }

    public record MemberRoles(@NotNull @Size(max = 4) Set<MemberRole> roles) {
    }

    private static AuditService.Setup setup(NewAudit body) {
        return new AuditService.Setup(body.title(), body.question(), body.site(), body.wards(), body.startDate(),
                body.endDate(), body.criteriaSet().id(), body.criteriaSet().version(), body.dualReviewRate(),
                body.timeZone(), body.specialties(), body.repeats());
    }

    @POST
    @RolesAllowed("ADMIN")
    public Response create(@Valid @NotNull NewAudit body) {
        Audit audit = audits.create(setup(body), currentUser.user());
        return Response.created(URI.create("/api/audits/" + audit.id)).entity(AuditView.of(audit)).build();
    }

    /** The same body as a new audit; only while the audit is PLANNED (409 after). */
    @PUT
    @Path("/{auditId}")
    public AuditView update(@PathParam("auditId") Long auditId, @Valid @NotNull NewAudit body) {
        return AuditView.of(audits.update(auditId, setup(body), currentUser.user(), currentUser.isAdmin()));
    }

    /** Gives a member exactly these roles on the audit; answers with the member's rows. */
    @PUT
    @Path("/{auditId}/members/{member}")
    public List<MemberView> changeRoles(@PathParam("auditId") Long auditId, @PathParam("member") String member,
            @Valid @NotNull MemberRoles body) {
        return audits.changeRoles(auditId, member, body.roles(), currentUser.user(), currentUser.isAdmin()).stream()
                .map(MemberView::of).toList();
    }

    /** Takes the member off the team; their reviews stay. */
    @DELETE
    @Path("/{auditId}/members/{member}")
    public Response remove(@PathParam("auditId") Long auditId, @PathParam("member") String member) {
        audits.removeMember(auditId, member, currentUser.user(), currentUser.isAdmin());
        return Response.noContent().build();
    }

    @GET
    public List<AuditView> list() {
        return audits.visibleTo(currentUser.user(), currentUser.isAdmin()).stream().map(AuditView::of).toList();
    }

    @GET
    @Path("/{auditId}")
    public AuditView get(@PathParam("auditId") Long auditId) {
        return AuditView.of(AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit());
    }

    @GET
    @Path("/{auditId}/members")
    public List<MemberView> members(@PathParam("auditId") Long auditId) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        return Member.ofAudit(audit).stream().map(MemberView::of).toList();
    }

    @POST
    @Path("/{auditId}/members")
    public Response addMember(@PathParam("auditId") Long auditId, @Valid @NotNull NewMember body) {
        Member member = audits.addMember(auditId, body.username(), body.role(), body.sector(), currentUser.user(),
                currentUser.isAdmin());
        return Response.status(Response.Status.CREATED).entity(MemberView.of(member)).build();
    }

    @POST
    @Path("/{auditId}/status")
    public AuditView changeStatus(@PathParam("auditId") Long auditId, @Valid @NotNull StatusChange body) {
        return AuditView.of(audits.changeStatus(auditId, body.status(), body.reason(), currentUser.user(),
                currentUser.isAdmin()));
    }
}
