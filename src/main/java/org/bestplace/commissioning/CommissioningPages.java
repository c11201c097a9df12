package org.bestplace.commissioning;

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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.debrief.MinutesPdf;
import org.bestplace.results.SpcView;
import org.bestplace.results.VariationService;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The commissioning brief as a page (the bed base and the scenario in a GET form, so a reading can
 * be bookmarked and passed on; the unit costs for the lead and commissioners), as a printable board
 * paper and as that paper in PDF, all from the same service call as the API.
 */
@Path("/audits/{auditId}/brief")
@Produces(MediaType.TEXT_HTML)
public class CommissioningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance brief(CommissioningBrief brief, BriefView view, SpcView spc);

        static native TemplateInstance paper(CommissioningBrief brief, SpcView spc);
    }

    /** One reason the scenario may remove, ticked or not. */
    public record ReasonChoice(String code, String title, boolean ticked) {
    }

    public record ReasonGroupChoice(String group, String title, List<ReasonChoice> reasons) {
    }

    /** One alternative's cost a day in the unit-costs form, as typed. */
    public record CostField(String code, String title, String value) {
    }

    /** The unit-costs form as shown: the values stored or typed, and a refusal beside its field. */
    public record CostsForm(String currency, String source, String acuteBedDay, List<CostField> alternatives,
            String field, String message) {
    }

    public record BriefView(Long auditId, String beds, List<ReasonGroupChoice> groups, String query,
            String field, String message, boolean mayEnterCosts, CostsForm costs, List<ActionLink> actionLinks) {
    }

    /** A delay group's finding carried to the action register's new-action form. */
    public record ActionLink(String title, String href) {
    }

    @Inject
    CommissioningService commissioning;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    @Inject
    MinutesPdf pdf;

    @Inject
    VariationService variation;

    @GET
    public Response brief(@PathParam("auditId") Long auditId, @QueryParam("beds") String beds,
            @QueryParam("reasons") List<String> reasons) {
        return page(auditId, beds, reasons, null, 200);
    }

    @GET
    @Path("paper")
    public TemplateInstance paper(@PathParam("auditId") Long auditId, @QueryParam("beds") String beds,
            @QueryParam("reasons") List<String> reasons) {
        return Templates.paper(paperBrief(auditId, beds, reasons), spc(auditId));
    }

    @GET
    @Path("paper.pdf")
    @Produces("application/pdf")
    public Response paperPdf(@PathParam("auditId") Long auditId, @QueryParam("beds") String beds,
            @QueryParam("reasons") List<String> reasons) {
        String html = Templates.paper(paperBrief(auditId, beds, reasons), spc(auditId)).render();
        return Response.ok(pdf.render(html, "/audits/" + auditId + "/brief/paper"))
                .header("Content-Disposition", "inline; filename=\"commissioning-brief-" + auditId + ".pdf\"")
                .build();
    }

    /** The p-chart of the audit's days, as the results page shows it. */
    private SpcView spc(Long auditId) {
        return variation.spcView(auditId, currentUser.user(), currentUser.isAdmin());
    }

    /** The paper shows a scenario only when reasons were ticked. */
    private CommissioningBrief paperBrief(Long auditId, String beds, List<String> reasons) {
        List<String> ticked = reasons == null || reasons.stream().allMatch(r -> r == null || r.isBlank()) ? null
                : reasons;
        return commissioning.brief(auditId, beds, ticked, currentUser.user(), currentUser.isAdmin());
    }

    @POST
    @Path("unit-costs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setUnitCosts(@PathParam("auditId") Long auditId, @RestForm String currency,
            @RestForm String source, @RestForm String acuteBedDay, @RestForm List<String> alternative,
            @RestForm List<String> costPerDay, @RestForm String briefBeds, @RestForm List<String> briefReasons) {
        List<String> codes = alternative == null ? List.of() : alternative;
        List<String> values = costPerDay == null ? List.of() : costPerDay;
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            typed.put(codes.get(i), i < values.size() ? values.get(i) : "");
        }
        try {
            Map<String, Double> costs = new LinkedHashMap<>();
            CriteriaFile set = criteria.definition(AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin())
                    .audit().criteriaSet);
            for (Map.Entry<String, String> entry : typed.entrySet()) {
                if (entry.getValue() != null && !entry.getValue().isBlank()) {
                    costs.put(entry.getKey(), number(entry.getValue(), "alternatives", "Write the cost a day of "
                            + UnitCosts.title(set, entry.getKey()) + " as a number, such as 120."));
                }
            }
            Double acute = acuteBedDay == null || acuteBedDay.isBlank() ? null
                    : number(acuteBedDay, "acuteBedDay", "Write the cost of an acute bed-day as a number, such as 400.");
            commissioning.setUnitCosts(auditId, new UnitCosts.Entry(currency, source, acute, costs), currentUser.user(),
                    currentUser.isAdmin());
            return Response.seeOther(URI.create("/audits/" + auditId + "/brief" + query(briefBeds, briefReasons)))
                    .build();
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            CostsForm form = new CostsForm(currency, source, acuteBedDay, null, e.field() == null ? "form" : e.field(),
                    e.getMessage());
            return page(auditId, briefBeds, briefReasons, new Typed(form, typed), 400);
        }
    }

    private record Typed(CostsForm form, Map<String, String> costs) {
    }

    private static double number(String value, String field, String message) {
        try {
            return Double.parseDouble(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, message);
        }
    }

    private Response page(Long auditId, String beds, List<String> reasons, Typed typed, int status) {
        AuditAccess access = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin());
        CriteriaFile set = criteria.definition(access.audit().criteriaSet);
        List<String> asked = reasons == null ? List.of() : reasons;
        CommissioningBrief brief;
        String field = null;
        String message = null;
        try {
            brief = commissioning.brief(auditId, beds, asked, currentUser.user(), currentUser.isAdmin());
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            field = e.field();
            message = e.getMessage();
            status = 400;
            // The figures as they stand without what was refused; the form keeps what was typed.
            brief = commissioning.brief(auditId, "beds".equals(field) ? null : beds,
                    "beds".equals(field) ? known(set, asked) : List.of(), currentUser.user(), currentUser.isAdmin());
        }
        Set<String> ticked = new TreeSet<>(asked.stream().flatMap(r -> List.of(r.split(",")).stream())
                .map(String::strip).toList());
        Map<String, ReasonGroupChoice> groups = new LinkedHashMap<>();
        for (CriteriaFile.Reason reason : set.reasons()) {
            groups.computeIfAbsent(reason.group(), g -> new ReasonGroupChoice(g, CommissioningBrief.words(g).title(),
                    new ArrayList<>())).reasons().add(new ReasonChoice(reason.code(), reason.title(),
                    ticked.contains(reason.code())));
        }
        boolean mayEnterCosts = access.admin() || access.has(MemberRole.LEAD) || access.has(MemberRole.COMMISSIONER);
        CostsForm costs = null;
        if (mayEnterCosts) {
            costs = typed != null ? withAlternatives(typed.form(), set, typed.costs()) : stored(set, access);
        }
        // Those who keep the action register can turn a delay group's finding into an action.
        boolean mayAddActions = mayEnterCosts || access.has(MemberRole.CHAIR);
        List<ActionLink> actionLinks = new ArrayList<>();
        if (mayAddActions && brief != null) {
            for (CommissioningBrief.GroupRow g : brief.byReasonGroup()) {
                if (g.patientDays() == 0) {
                    continue;
                }
                String finding = g.title() + ": " + g.patientDays() + " of " + brief.patientDays()
                        + " settled patient-days did not qualify with a delay of this kind (commissioning brief).";
                actionLinks.add(new ActionLink(g.title(), "/audits/" + auditId + "/actions/new?finding="
                        + java.net.URLEncoder.encode(finding, java.nio.charset.StandardCharsets.UTF_8)
                        + "&reasonCodes=" + java.net.URLEncoder.encode(String.join(",", g.reasons()),
                                java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        BriefView view = new BriefView(auditId, beds == null ? "" : beds, new ArrayList<>(groups.values()),
                query(field == null ? beds : null, field == null ? asked : List.of()), field, message, mayEnterCosts,
                costs, actionLinks);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.brief(brief, view, spc(auditId)).render())
                .build();
    }

    private static List<String> known(CriteriaFile set, List<String> asked) {
        return asked.stream().flatMap(r -> List.of(r.split(",")).stream()).map(String::strip)
                .filter(set::hasReason).toList();
    }

    private static CostsForm stored(CriteriaFile set, AuditAccess access) {
        UnitCosts costs = UnitCosts.of(access.audit());
        if (costs == null) {
            return withAlternatives(new CostsForm("GBP", "", "", null, null, null), set, Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        costs.alternatives.forEach((code, cost) -> values.put(code, plain(cost)));
        return withAlternatives(new CostsForm(costs.currency, costs.source, plain(costs.acuteBedDay), null, null, null),
                set, values);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static CostsForm withAlternatives(CostsForm form, CriteriaFile set, Map<String, String> values) {
        List<CostField> fields = set.alternatives().stream()
                .map(a -> new CostField(a.code(), a.title(), values.getOrDefault(a.code(), ""))).toList();
        return new CostsForm(form.currency(), form.source(), form.acuteBedDay(), fields, form.field(), form.message());
    }

    /** The brief's query string, for links to the paper and the PDF and the way back after saving costs. */
    static String query(String beds, List<String> reasons) {
        List<String> parts = new ArrayList<>();
        if (beds != null && !beds.isBlank()) {
            parts.add("beds=" + URLEncoder.encode(beds.strip(), StandardCharsets.UTF_8));
        }
        if (reasons != null) {
            reasons.stream().filter(r -> r != null && !r.isBlank())
                    .forEach(r -> parts.add("reasons=" + URLEncoder.encode(r.strip(), StandardCharsets.UTF_8)));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
