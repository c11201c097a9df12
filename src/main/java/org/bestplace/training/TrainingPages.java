package org.bestplace.training;

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
import java.util.ArrayList;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.review.AnswerForm;
import org.bestplace.review.Outcome;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A reviewer's practice on the tablet: the audit's training cases, the answer form (the review
 * form's answer part and live outcome) and, once answered, the reference with what they missed.
 * The lead's readiness page: the rule and each reviewer's scores.
 */
@Path("/audits/{auditId}")
@Produces(MediaType.TEXT_HTML)
public class TrainingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance training(Audit audit, int round, List<TrainingService.CaseForPerson> cases,
                long answered);

        static native TemplateInstance trainingCase(Audit audit, TrainingCase trainingCase, TrainingForm form,
                FeedbackView feedback);

        static native TemplateInstance readiness(TrainingService.Readiness readiness, RuleForm rule,
                boolean writer, String setPath, String notice);
    }

    @Inject
    TrainingService training;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    /** The answer form's values and, after a refusal, the message and its field. */
    public record TrainingForm(CriteriaFile set, List<String> criteriaMet, String overrideOutcome,
            String overrideReason, String alternative, List<String> reasons, String field, String message,
            String outcome) implements AnswerForm {

    }

    /** One criterion of the set beside what the panel and the person said of it. */
    public record CriterionLine(String group, String code, String text, String guidance, boolean panel, boolean you) {

        public boolean missed() {
            return panel && !you;
        }

        public boolean extra() {
            return you && !panel;
        }
    }

    public record FeedbackView(TrainingService.Feedback feedback, List<CriterionLine> criteria,
            List<CriterionLine> missed, List<CriterionLine> extra, String referenceAlternative,
            String yourAlternative, List<String> referenceReasons) {

        static FeedbackView of(TrainingService.Feedback f, CriteriaFile set) {
            List<CriterionLine> lines = new ArrayList<>();
            for (CriteriaFile.Group g : set.groups()) {
                for (CriteriaFile.Criterion c : g.criteria()) {
                    lines.add(new CriterionLine(g.title(), c.code(), c.text(), c.guidance(),
                            f.reference().criteriaMet().contains(c.code()), f.answer().criteriaMet().contains(c.code())));
                }
            }
            return new FeedbackView(f, lines, lines.stream().filter(CriterionLine::missed).toList(),
                    lines.stream().filter(CriterionLine::extra).toList(), place(set, f.referenceAlternative()),
                    place(set, f.answer().alternative()), f.reference().reasons().stream().map(code -> set.reasons()
                            .stream().filter(r -> r.code().equals(code)).map(CriteriaFile.Reason::title).findFirst()
                            .orElse(code)).toList());
        }

        private static String place(CriteriaFile set, String code) {
            return code == null ? null : set.alternatives().stream().filter(a -> a.code().equals(code))
                    .map(CriteriaFile.Alternative::title).findFirst().orElse(code);
        }

        public String word(Outcome outcome) {
            return outcome == Outcome.QUALIFIES ? "Qualifies" : "Does not qualify";
        }
    }

    /** The readiness rule's form, with the message beside the field after a refusal. */
    public record RuleForm(String minCases, String minKappa, String minAgreement, boolean required, String field,
            String message) {

        static RuleForm of(ReadinessRule.Terms t) {
            return new RuleForm(String.valueOf(t.minCases()), String.valueOf(t.minKappa()),
                    String.valueOf(t.minAgreement()), t.required(), null, null);
        }
    }

    @GET
    @Path("training")
    public TemplateInstance training(@PathParam("auditId") Long auditId) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        List<TrainingService.CaseForPerson> cases = training.casesOf(audit.criteriaSet, currentUser.user(),
                TrainingRound.currentStart(currentUser.user(), audit.criteriaSet));
        return Templates.training(audit, TrainingRound.currentNumber(audit), cases,
                cases.stream().filter(TrainingService.CaseForPerson::answered).count());
    }

    @GET
    @Path("training/{trainingCase}")
    public TemplateInstance trainingCase(@PathParam("auditId") Long auditId, @PathParam("trainingCase") Long caseId) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        TrainingService.CaseForPerson row = training.caseFor(audit.criteriaSet, caseId, currentUser.user());
        if (row.answered()) {
            return Templates.trainingCase(audit, row.trainingCase(), null, FeedbackView.of(row.feedback(), set));
        }
        return Templates.trainingCase(audit, row.trainingCase(), new TrainingForm(set, List.of(), null, null, null,
                List.of(), null, null, null), null);
    }

    @POST
    @Path("training/{trainingCase}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("auditId") Long auditId, @PathParam("trainingCase") Long caseId,
            @RestForm List<String> criteriaMet, @RestForm String overrideOutcome, @RestForm String overrideReason,
            @RestForm String alternative, @RestForm List<String> reasons) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        TrainingCase trainingCase = training.find(audit.criteriaSet, caseId);
        List<String> met = criteriaMet == null ? List.of() : criteriaMet;
        List<String> why = reasons == null ? List.of() : reasons;
        Outcome override = overrideOutcome(overrideOutcome);
        String outcome = Outcome.derive(met, override).name();
        boolean notQualifying = Outcome.DOES_NOT_QUALIFY.name().equals(outcome);
        try {
            training.answer(audit.criteriaSet.setId, audit.criteriaSet.version, caseId, new Answer(met, override,
                    overrideReason, notQualifying ? alternative : null, notQualifying ? why : List.of()),
                    currentUser.user());
            return Response.seeOther(URI.create("/audits/" + auditId + "/training/" + caseId + "#feedback")).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            TrainingForm form = new TrainingForm(set, met, overrideOutcome, overrideReason, alternative, why,
                    e.field() == null ? "form" : e.field(), e.getMessage(), outcome);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.trainingCase(audit, trainingCase, form, null).render()).build();
        }
    }

    static Outcome overrideOutcome(String value) {
        return value == null || value.isBlank() ? null
                : value.equals("QUALIFIES") ? Outcome.QUALIFIES : Outcome.DOES_NOT_QUALIFY;
    }

    @GET
    @Path("readiness")
    public TemplateInstance readiness(@PathParam("auditId") Long auditId, @QueryParam("saved") String saved) {
        TrainingService.Readiness readiness = training.readiness(auditId, currentUser.user(), currentUser.isAdmin());
        return readinessPage(readiness, RuleForm.of(readiness.rule()), saved);
    }

    private TemplateInstance readinessPage(TrainingService.Readiness readiness, RuleForm rule, String notice) {
        Audit audit = readiness.audit();
        return Templates.readiness(readiness, rule, training.mayWrite(audit.criteriaSet, currentUser.user(),
                currentUser.isAdmin()), "/criteria-sets/" + audit.criteriaSet.setId + "/" + audit.criteriaSet.version
                + "/training-cases", notice == null || notice.isBlank() ? null : notice);
    }

    @POST
    @Path("readiness-rule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRule(@PathParam("auditId") Long auditId, @RestForm String minCases, @RestForm String minKappa,
            @RestForm String minAgreement, @RestForm String required) {
        try {
            training.setRule(auditId, new ReadinessRule.Terms(whole(minCases, "minCases",
                    "Write the minimum number of cases as a whole number."), number(minKappa, "minKappa",
                    "Write the minimum kappa as a number such as 0.6."), number(minAgreement, "minAgreement",
                    "Write the minimum agreement as a proportion such as 0.8."), required != null),
                    currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/audits/" + auditId + "/readiness?saved=rule")).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            TrainingService.Readiness readiness = training.readiness(auditId, currentUser.user(),
                    currentUser.isAdmin());
            RuleForm form = new RuleForm(minCases, minKappa, minAgreement, required != null,
                    e.field() == null ? "form" : e.field(), e.getMessage());
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(readinessPage(readiness, form, null).render()).build();
        }
    }

    @POST
    @Path("training-rounds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openRound(@PathParam("auditId") Long auditId) {
        training.openRound(auditId, currentUser.user(), currentUser.isAdmin());
        return Response.seeOther(URI.create("/audits/" + auditId + "/readiness?saved=round")).build();
    }

    private static int whole(String value, String field, String message) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, message);
        }
    }

    private static double number(String value, String field, String message) {
        try {
            double parsed = Double.parseDouble(value == null ? "" : value.strip());
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, message);
        }
    }
}
