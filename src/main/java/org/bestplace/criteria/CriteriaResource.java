package org.bestplace.criteria;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;

@Path("/api/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaResource {

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    public record Summary(String id, String version, String title, String status, String contentHash,
            List<String> ratifiedBy, String retiredReason) {
        static Summary of(CriteriaSet set) {
            return new Summary(set.setId, set.version, set.title, set.status.name(), set.contentHash,
                    set.signedSectors().stream().map(Enum::name).toList(), set.retiredReason);
        }
    }

    public record Detail(String id, String version, String title, String status, String contentHash,
            String population, String description, List<CriteriaFile.Group> groups,
            List<CriteriaFile.Alternative> alternatives, List<CriteriaFile.Reason> reasons) {
    }

    /** A sector's sign-off; {@code name} (the caller's own when left out) and {@code role} are who signs. */
    public record Ratification(@NotNull Sector sector, String name, String role) {
    }

    /** Why a set is retired: required. */
    public record Retirement(String reason) {
    }

    @GET
    public List<Summary> list() {
        return criteria.all().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}/{version}")
    public Detail get(@PathParam("id") String id, @PathParam("version") String version) {
        CriteriaSet set = criteria.find(id, version);
        CriteriaFile file = criteria.definition(set);
        return new Detail(set.setId, set.version, set.title, set.status.name(), set.contentHash,
                file.population(), file.description(), file.groups(), file.alternatives(), file.reasons());
    }

    @POST
    @RolesAllowed("ADMIN")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml"})
    public Response upload(String yaml) {
        CriteriaService.Upload upload = criteria.upload(yaml);
        CriteriaSet set = upload.set();
        Response.ResponseBuilder response = upload.created()
                ? Response.created(URI.create("/api/criteria-sets/" + set.setId + "/" + set.version))
                : Response.ok();
        return response.entity(Summary.of(set)).build();
    }

    @POST
    @Path("/{id}/{version}/ratifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ratify(@PathParam("id") String id, @PathParam("version") String version,
            @Valid @NotNull Ratification body) {
        CriteriaSet set = criteria.ratify(id, version, body.sector(), currentUser.user(), body.name(), body.role());
        return Response.status(Response.Status.CREATED).entity(Summary.of(set)).build();
    }

    @POST
    @Path("/{id}/{version}/retirement")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    public Summary retire(@PathParam("id") String id, @PathParam("version") String version, Retirement body) {
        return Summary.of(criteria.retire(id, version, body == null ? null : body.reason(), currentUser.user()));
    }
}
