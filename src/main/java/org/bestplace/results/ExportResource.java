package org.bestplace.results;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.ClientAddress;

/** Exports of an audit's results (whole, as a data package, or a table at a time), its FHIR MeasureReport and the log of both. */
@Path("/api/audits/{auditId}")
public class ExportResource {

    @Inject
    ExportService exports;

    @Inject
    CurrentUser currentUser;

    public record ExportLogView(String username, String format, String mode, Instant exportedAt,
            String remoteAddress) {
    }

    @GET
    @Path("/export")
    public Response export(@PathParam("auditId") Long auditId, @QueryParam("format") String format,
            @QueryParam("mode") String mode, @QueryParam("package") String packaged,
            @Context HttpServerRequest request) {
        return download(exports.export(auditId, format, mode, packaged, currentUser.user(), currentUser.isAdmin(),
                from(request)));
    }

    /** One table of the export as CSV, for a BI tool's scheduled refresh (HTTP Basic or a bearer token). */
    @GET
    @Path("/tables/{table}.csv")
    public Response table(@PathParam("auditId") Long auditId, @PathParam("table") String table,
            @QueryParam("mode") String mode, @Context HttpServerRequest request) {
        return download(exports.table(auditId, table, mode, currentUser.user(), currentUser.isAdmin(),
                from(request)));
    }

    @GET
    @Path("/measure-report")
    @Produces(MeasureReports.MEDIA_TYPE)
    public Response measureReport(@PathParam("auditId") Long auditId, @Context HttpServerRequest request) {
        return fhir(exports.measureReport(auditId, currentUser.user(), currentUser.isAdmin(), from(request)));
    }

    @GET
    @Path("/exports")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExportLogView> log(@PathParam("auditId") Long auditId) {
        return exports.exports(auditId, currentUser.user(), currentUser.isAdmin()).stream()
                .map(e -> new ExportLogView(e.username, e.format, e.mode, e.exportedAt, e.remoteAddress)).toList();
    }

    static Response download(ExportService.Export export) {
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    static Response fhir(String report) {
        return Response.ok(report, MeasureReports.MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }

    static String from(HttpServerRequest request) {
        return ClientAddress.of(request);
    }
}
