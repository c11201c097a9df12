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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.review.AnswerForm;
import org.bestplace.review.Outcome;
import org.bestplace.review.Registration;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/** The page on which administrators and audit leads write a criteria set's training cases. */
@Path("/criteria-sets/{id}/{version}/training-cases")
@Produces(MediaType.TEXT_HTML)
public class TrainingCasePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance write(CriteriaSet criteriaSet, CaseForm form, List<String> ageBands,
                List<String> sexes, String written);
    }

    @Inject
    TrainingService training;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    /**
     * The case's values and its reference; after a refusal the message and the field, the
     * reference's fields by the answer part's own names.
     */
    public record CaseForm(CriteriaFile set, String title, String notes, String ward, String specialty,
            String ageBand, String sex, String daysSinceAdmission, List<String> criteriaMet, String overrideOutcome,
            String overrideReason, String alternative, List<String> reasons, String caseField, String message,
            String outcome) implements AnswerForm {

        @Override
        public String field() {
            return caseField != null && caseField.startsWith("reference.") ? caseField.substring(10) : null;
        }

        /** The field of the case itself (title, notes, ...) in error, or null. */
        public String ownField() {
            return caseField != null && !caseField.startsWith("reference.") ? caseField : null;
        }

    }

    @GET
    @Path("new")
    public TemplateInstance form(@PathParam("id") String id, @PathParam("version") String version,
            @QueryParam("written") String written) {
        CriteriaSet set = writable(id, version);
        return Templates.write(set, new CaseForm(criteria.definition(set), null, null, null, null, null, null, null,
                List.of(), null, null, null, List.of(), null, null, null), Registration.AGE_BANDS,
                Registration.SEXES, written == null || written.isBlank() ? null : written);
    }

    /** The set's training cases as a file beside its criteria file, for those who may write them. */
    @GET
    @Path("export.yaml")
    @Produces("application/yaml")
    public Response export(@PathParam("id") String id, @PathParam("version") String version) {
        return Response.ok(training.export(id, version, currentUser.user(), currentUser.isAdmin()))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".training.yaml\"").build();
    }

    private CriteriaSet writable(String id, String version) {
        CriteriaSet set = training.set(id, version);
        if (!training.mayWrite(set, currentUser.user(), currentUser.isAdmin())) {
            throw DomainException.forbidden("Training cases are written by administrators and by the leads of"
                    + " audits that use this criteria set.");
        }
        return set;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response write(@PathParam("id") String id, @PathParam("version") String version,
            @RestForm String title, @RestForm String notes, @RestForm String ward, @RestForm String specialty,
            @RestForm String ageBand, @RestForm String sex, @RestForm String daysSinceAdmission,
            @RestForm List<String> criteriaMet, @RestForm String overrideOutcome, @RestForm String overrideReason,
            @RestForm String alternative, @RestForm List<String> reasons) {
        CriteriaSet set = writable(id, version);
        List<String> met = criteriaMet == null ? List.of() : criteriaMet;
        List<String> why = reasons == null ? List.of() : reasons;
        Outcome override = TrainingPages.overrideOutcome(overrideOutcome);
        String outcome = Outcome.derive(met, override).name();
        boolean notQualifying = Outcome.DOES_NOT_QUALIFY.name().equals(outcome);
        try {
            Integer days = null;
            if (daysSinceAdmission != null && !daysSinceAdmission.isBlank()) {
                try {
                    days = Integer.valueOf(daysSinceAdmission.strip());
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("daysSinceAdmission", "Days since admission is a whole number"
                            + " from 0.");
                }
            }
            TrainingCase written = training.write(id, version, new TrainingCaseDraft(title, notes, ward, specialty,
                    ageBand, sex, days, new Answer(met, override, overrideReason, notQualifying ? alternative : null,
                            notQualifying ? why : List.of())), currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create("/criteria-sets/" + id + "/" + version + "/training-cases/new?written="
                    + URLEncoder.encode(written.title, StandardCharsets.UTF_8))).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            CaseForm form = new CaseForm(criteria.definition(set), title, notes, ward, specialty, ageBand, sex,
                    daysSinceAdmission, met, overrideOutcome, overrideReason, alternative, why,
                    e.field() == null ? "form" : e.field(), e.getMessage(), outcome);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.write(set, form,
                    Registration.AGE_BANDS, Registration.SEXES, null).render()).build();
        }
    }
}
