package org.bestplace.programme;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.bestplace.security.CurrentUser;
import org.bestplace.statistics.FunnelPlot;

/** Programmes as JSON: creating one, changing it, reading it, its funnel plot across audits, and its team. */
@Path("/api/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;

    @Inject
    CurrentUser currentUser;

    /** Ids come in as text (a number is taken too), so a bad one is refused naming {@code auditIds}. */
    public record ProgrammeBody(String title, List<String> auditIds) {
    }

    public record MemberBody(String role) {
    }

    @POST
    public Response create(@NotNull ProgrammeBody body) {
        Programme programme = programmes.create(body.title(), body.auditIds(), currentUser.user(),
                currentUser.isAdmin());
        return Response.created(URI.create("/api/programmes/" + programme.id))
                .entity(programmes.view(programme.id, currentUser.user(), currentUser.isAdmin())).build();
    }

    @GET
    public List<ProgrammeService.Listed> list() {
        return programmes.readable(currentUser.user(), currentUser.isAdmin());
    }

    @GET
    @Path("/{programmeId}")
    public ProgrammeService.ProgrammeView programme(@PathParam("programmeId") Long id) {
        return programmes.reading(id, currentUser.user(), currentUser.isAdmin()).view();
    }

    /** A new title and audits for the programme, checked as when it is made. */
    @PUT
    @Path("/{programmeId}")
    public ProgrammeService.ProgrammeView update(@PathParam("programmeId") Long id, @NotNull ProgrammeBody body) {
        programmes.update(id, body.title(), body.auditIds(), currentUser.user(), currentUser.isAdmin());
        return programmes.reading(id, currentUser.user(), currentUser.isAdmin()).view();
    }

    /** The funnel plot across the programme's audits, as the reader is shown them. */
    @GET
    @Path("/{programmeId}/funnel")
    public FunnelPlot.Chart funnel(@PathParam("programmeId") Long id) {
        return programmes.reading(id, currentUser.user(), currentUser.isAdmin()).funnel();
    }

    @PUT
    @Path("/{programmeId}/members/{username}")
    public ProgrammeService.TeamMember putMember(@PathParam("programmeId") Long id,
            @PathParam("username") String username, MemberBody body) {
        return ProgrammeService.TeamMember.of(programmes.putMember(id, username, body == null ? null : body.role(),
                currentUser.user(), currentUser.isAdmin()));
    }

    @DELETE
    @Path("/{programmeId}/members/{username}")
    public Response removeMember(@PathParam("programmeId") Long id, @PathParam("username") String username) {
        programmes.removeMember(id, username, currentUser.user(), currentUser.isAdmin());
        return Response.noContent().build();
    }
}
