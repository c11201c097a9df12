package org.bestplace.results;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.audit.MemberRole;
import org.bestplace.debrief.DailySummary;
import org.bestplace.security.CurrentUser;
import org.bestplace.security.Sector;
import org.bestplace.web.BarChart;

/**
 * What an audit found, for everyone on its team: the headline, the trend, the breakdowns,
 * agreement, who took part, the debrief minutes and the exports.
 */
@Path("/audits/{auditId}/results")
@Produces(MediaType.TEXT_HTML)
public class ResultsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(ResultsView view, Reaudits.Change change, SpcView spc,
                FunnelView funnel, List<AuditProgrammes.Link> programmes);
    }

    public record Breakdown(String title, List<DailySummary.Row> rows) {
    }

    public record Ranked(String title, long count) {
    }

    /** A table of the exports, and whether the publication export has it too. */
    public record TableLink(String name, String description, boolean publication) {
    }

    public record SectorTeam(Sector sector, List<ResultsService.TeamMember> members) {
    }

    public record ResultsView(ResultsService.Results results, String trendChart, List<Breakdown> breakdowns,
            List<Ranked> alternatives, List<Ranked> reasons, List<SectorTeam> team, boolean internal,
            List<ExportLogEntry> exportLog, int threshold, List<TableLink> tables, String apiBase) {

        public Audit audit() {
            return results.audit();
        }

        public DailySummary summary() {
            return results.summary();
        }

        /** True for a reviewer while the audit collects: the figures leave out days not yet debriefed. */
        public boolean openedDaysOnly() {
            return results.summary().openedDaysOnly();
        }
    }

    @Inject
    ResultsService results;

    @Inject
    ExportService exports;

    @Inject
    Reaudits reaudits;

    @Inject
    Instance<AuditProgrammes> auditProgrammes;

    @Inject
    CurrentUser currentUser;

    @Inject
    VariationService variation;

    @Inject
    org.bestplace.BestplaceConfig config;

    @GET
    public TemplateInstance results(@PathParam("auditId") Long auditId, @Context UriInfo uri) {
        ResultsService.Results found = results.results(auditId, currentUser.user(), currentUser.isAdmin());
        DailySummary summary = found.summary();
        List<BarChart.Bar> trend = found.days().stream().filter(d -> d.reviewed() > 0)
                .map(d -> new BarChart.Bar(d.date().toString(), d.proportion(),
                        org.bestplace.web.TemplateExtensions.percentText(d.proportion()) + " of " + d.reviewed()))
                .toList();
        List<Breakdown> breakdowns = List.of(new Breakdown("Ward", summary.byWard()),
                new Breakdown("Specialty", summary.bySpecialty()),
                new Breakdown("Length of stay (days)", summary.byStayBand()),
                new Breakdown("Age band", summary.byAgeBand()),
                new Breakdown("Reviewer's sector", summary.bySector()));
        Map<String, String> titles = found.titles();
        Map<Sector, List<ResultsService.TeamMember>> bySector = new LinkedHashMap<>();
        found.team().forEach(m -> bySector.computeIfAbsent(m.sector(), s -> new ArrayList<>()).add(m));
        boolean internal = found.access().admin() || found.access().has(MemberRole.COMMISSIONER)
                || found.access().has(MemberRole.LEAD);
        boolean lead = found.access().admin() || found.access().has(MemberRole.LEAD);
        List<ExportLogEntry> log = lead
                ? exports.exports(auditId, currentUser.user(), currentUser.isAdmin()).stream().limit(50).toList()
                : List.of();
        return Templates.results(new ResultsView(found, BarChart.svg("Not qualifying by day", trend, 1.0),
                breakdowns, ranked(summary.alternatives(), titles), ranked(summary.reasons(), titles),
                bySector.entrySet().stream().map(e -> new SectorTeam(e.getKey(), e.getValue())).toList(), internal,
                log, config.publicationThreshold(), tableLinks(found, internal),
                uri.getBaseUriBuilder().path("api/audits/" + auditId + "/tables/").build().toString()),
                reaudits.of(auditId, currentUser.user(), currentUser.isAdmin()),
                variation.spcView(auditId, currentUser.user(), currentUser.isAdmin()),
                variation.funnelView(auditId, "ward", currentUser.user(), currentUser.isAdmin()),
                programmes(found.audit()));
    }

    /** The programmes holding the audit that the reader reads. */
    private List<AuditProgrammes.Link> programmes(Audit audit) {
        List<AuditProgrammes.Link> links = new ArrayList<>();
        auditProgrammes.forEach(p -> links.addAll(p.of(audit, currentUser.user(), currentUser.isAdmin())));
        return links;
    }

    /** The same files as {@code GET /api/audits/{id}/export}, for a signed-in browser. */
    @GET
    @Path("export")
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("auditId") Long auditId, @QueryParam("format") String format,
            @QueryParam("mode") String mode, @QueryParam("package") String packaged,
            @Context HttpServerRequest request) {
        ExportService.Export export = exports.export(auditId, format, mode, packaged, currentUser.user(),
                currentUser.isAdmin(), ExportResource.from(request));
        return ExportResource.download(export);
    }

    /** The same file as {@code GET /api/audits/{id}/tables/{table}.csv}, for a signed-in browser. */
    @GET
    @Path("tables/{table}.csv")
    @Produces(MediaType.WILDCARD)
    public Response table(@PathParam("auditId") Long auditId, @PathParam("table") String table,
            @QueryParam("mode") String mode, @Context HttpServerRequest request) {
        return ExportResource.download(exports.table(auditId, table, mode, currentUser.user(),
                currentUser.isAdmin(), ExportResource.from(request)));
    }

    @GET
    @Path("measure-report")
    @Produces(MeasureReports.MEDIA_TYPE)
    public Response measureReport(@PathParam("auditId") Long auditId, @Context HttpServerRequest request) {
        return ExportResource.fhir(exports.measureReport(auditId, currentUser.user(), currentUser.isAdmin(),
                ExportResource.from(request)));
    }

    private List<TableLink> tableLinks(ResultsService.Results found, boolean internal) {
        List<String> published = exports.tables(found, true).stream().map(ExportSchema::name).toList();
        return exports.tables(found, !internal).stream()
                .map(t -> new TableLink(t.name(), t.description(), published.contains(t.name()))).toList();
    }

    private static List<Ranked> ranked(List<DailySummary.Count> counts, Map<String, String> titles) {
        return counts.stream().map(c -> new Ranked(titles.getOrDefault(c.code(), c.code()), c.count())).toList();
    }
}
