package org.bestplace.review;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.CurrentUser;
import org.bestplace.web.DomainException;
import org.jboss.resteasy.reactive.RestForm;

/** The ward reviewer's pages: a ward's cases with a form to register one, and the review form. */
@Path("/audits/{auditId}")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ward(WardView view);

        static native TemplateInstance review(ReviewForm form);

        static native TemplateInstance correction(CorrectionView view);
    }

    @Inject
    ReviewService reviews;

    @Inject
    CriteriaService criteria;

    @Inject
    CurrentUser currentUser;

    @Inject
    ActivityLog activity;

    @Inject
    ServiceClock clock;

    @Inject
    CaseCorrections corrections;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public record CaseLine(String id, String caseNumber, String specialty, String ageBand, LocalDate admissionDate,
            long reviewsToday, boolean dualReview, boolean secondReviewNeeded, String today, boolean mayReview,
            boolean mayCorrect, List<String> changedReviews) {
    }

    /** Who the patient is in the audit's terms, shown above the review form. */
    public record PatientFacts(String ageBand, String sex, String specialty, Long dayOfStay) {

        static PatientFacts of(PatientCase c, LocalDate day) {
            return new PatientFacts(c.ageBand, c.sex.toLowerCase(), c.specialtyShown(),
                    day == null ? null : c.lengthOfStayOn(day));
        }
    }

    /** The review form's fields as its labels name them, so a refusal never shows a field path. */
    static final Map<String, String> REVIEW_LABELS = Map.of("criteriaMet", "Criteria", "override.outcome",
            "Override to", "override.reason", "Reason for the override", "alternative",
            "Best alternative place of care", "reasons", "Why is the patient still in hospital?", "note", "Note",
            "changeReason", "Why you changed this review");

    static final Map<String, String> REGISTRATION_LABELS = Map.of("specialty", "Specialty", "specialtyNote",
            "Other specialty", "ageBand", "Age band", "sex", "Sex", "admissionDate", "Admission date", "localId",
            "Local identifier", "ward", "Ward", "reason", "Why you correct it");

    /**
     * The registration form's values and, after a refusal, the message and the field it concerns;
     * {@code askConfirm} when the admission date is long enough ago to need a confirmation.
     */
    public record RegistrationForm(String specialty, String ageBand, String sex, String admissionDate, String localId,
            String field, String message, String specialtyNote, boolean askConfirm) {

        RegistrationForm(String specialty, String ageBand, String sex, String admissionDate, String localId,
                String field, String message) {
            this(specialty, ageBand, sex, admissionDate, localId, field, message, null, false);
        }

        public String errorLabel() {
            return field == null ? null : REGISTRATION_LABELS.get(field);
        }

        public boolean other() {
            return Audit.OTHER_SPECIALTY.equalsIgnoreCase(specialty == null ? "" : specialty.strip());
        }
    }

    public record WardView(Audit audit, String ward, String wardPath, LocalDate today, List<CaseLine> cases,
            RegistrationForm registration, List<String> ageBands, List<String> sexes, String registered, String saved,
            String dayLock, List<String> specialties, String corrected, String withdrawn) {
    }

    /** One line of a case's history as the correction page shows it. */
    public record HistoryLine(String kind, String changedBy, String changedAt, String reason, String change) {
    }

    /** The correction page: the case's values (or the ones refused), the withdrawal form, the history. */
    public record CorrectionView(Audit audit, String caseId, String caseNumber, String wardPath, String ward,
            RegistrationForm form, String reason, List<String> wards, List<String> specialties, List<String> ageBands,
            List<String> sexes, String withdrawalReason, String withdrawalMessage, List<HistoryLine> history,
            boolean withdrawn) {
    }

    public record ReviewForm(Audit audit, String caseId, String caseNumber, String ward, String wardPath,
            String reviewId, LocalDate reviewDate, CriteriaFile set, List<String> criteriaMet, String overrideOutcome,
            String overrideReason, String alternative, List<String> reasons, String note, boolean flagged,
            boolean submitted, String changeReason, String field, String message, String outcome,
            PatientFacts patient, String dayLock, boolean mayCorrect) implements AnswerForm {

        /** The form's label of the field in error, for the summary by the buttons; null for the whole form. */
        public String errorLabel() {
            return field == null ? null : REVIEW_LABELS.get(field);
        }

        /** The id of the element the summary's link leads to: the field, or its first box. */
        public String errorTarget() {
            return switch (field) {
                case "criteriaMet" -> "c-" + set.groups().get(0).criteria().get(0).code();
                case "override.outcome" -> "overrideOutcome";
                case "override.reason" -> "overrideReason";
                case "alternative" -> "a-" + set.alternatives().get(0).code();
                case "reasons" -> "r-" + set.reasons().get(0).code();
                default -> field;
            };
        }

        /** Whether the message is shown beside its field rather than only at the top. */
        public boolean besideField() {
            return field != null && List.of("override.reason", "alternative", "reasons", "note", "changeReason")
                    .contains(field);
        }

    }

    @GET
    @Path("wards/{ward}")
    public TemplateInstance ward(@PathParam("auditId") Long auditId, @PathParam("ward") String ward,
            @QueryParam("registered") String registered, @QueryParam("saved") String saved,
            @QueryParam("corrected") String corrected, @QueryParam("withdrawn") String withdrawn) {
        WardView view = wardView(auditId, ward, new RegistrationForm(null, null, null, null, null, null, null),
                registered, saved, corrected, withdrawn);
        activity.record(ActivityEvent.CASE_VIEW, auditId, "Ward page of " + ward);
        return Templates.ward(view);
    }

    /**
     * The tablet's outbox sends reviews here as JSON with the signed-in session: the same
     * idempotent PUT as the API, answered in JSON or problem+json.
     */
    @jakarta.ws.rs.PUT
    @Path("reviews/{reviewId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response putFromTablet(@PathParam("auditId") Long auditId, @PathParam("reviewId") String reviewId,
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull ReviewResource.ReviewBody body) {
        return ReviewResource.answer(reviews.put(auditId, reviewId, body.submission(), body.author(),
                currentUser.asSignedIn(), currentUser.isAdmin()));
    }

    /** A registration as the tablet's outbox keeps it: the form's values, its id, and who wrote it. */
    public record TabletRegistration(@jakarta.validation.constraints.Size(max = 100) String author,
            @jakarta.validation.constraints.NotNull Registration registration) {
    }

    /**
     * The tablet's outbox sends registrations here as JSON with the signed-in session, each with the
     * id the tablet made: the same registration as the API's, answered in JSON or problem+json.
     */
    @POST
    @Path("cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response registerFromTablet(@PathParam("auditId") Long auditId,
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull TabletRegistration body) {
        var user = currentUser.user();
        if (body.author() != null && !body.author().equals(user.username)) {
            throw DomainException.conflict("author", "This registration was written by " + body.author() + ", but "
                    + user.username + " is signed in; it is sent only when " + body.author() + " signs in.");
        }
        return ReviewResource.registered(auditId, reviews.registerOnce(auditId, body.registration(), user,
                currentUser.isAdmin()));
    }

    /**
     * A blank review form for a patient registered on this tablet and not yet sent: the tablet keeps
     * it, so the new patient can be reviewed offline at once; its script fills in the patient.
     */
    @GET
    @Path("wards/{ward}/new-case-review")
    public TemplateInstance newCaseReviewForm(@PathParam("auditId") Long auditId, @PathParam("ward") String ward) {
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        if (!audit.hasWard(ward)) {
            throw DomainException.notFound("Ward '" + ward + "' is not in this audit.");
        }
        LocalDate day = audit.today(clock);
        return Templates.review(new ReviewForm(audit, "", "new patient", ward, wardPath(auditId, ward),
                UUID.randomUUID().toString(), day, criteria.definition(audit.criteriaSet), List.of(), null, null,
                null, List.of(), null, false, false, null, null, null, null, new PatientFacts("", "", "", null),
                reviews.lockOn(audit, day), false));
    }

    @POST
    @Path("wards/{ward}/cases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("auditId") Long auditId, @PathParam("ward") String ward,
            @RestForm String specialty, @RestForm String ageBand, @RestForm String sex,
            @RestForm String admissionDate, @RestForm String localId, @RestForm String specialtyNote,
            @RestForm String admissionConfirmed, @RestForm String clientId) {
        try {
            PatientCase registered = reviews.register(auditId, new Registration(ward, specialty, ageBand, sex,
                    admissionDate, localId, specialtyNote, admissionConfirmed != null, clientId), currentUser.user(),
                    currentUser.isAdmin());
            return Response.seeOther(URI.create(wardPath(auditId, ward) + "?registered="
                    + registered.caseNumber)).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            RegistrationForm refused = new RegistrationForm(specialty, ageBand, sex, admissionDate, null,
                    e.field() == null ? "form" : e.field(), e.getMessage(), specialtyNote,
                    asksConfirmation(auditId, e, admissionDate));
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.ward(wardView(auditId, ward, refused, null, null, null, null)).render())
                    .build();
        }
    }

    @GET
    @Path("cases/{caseId}/review")
    public TemplateInstance reviewForm(@PathParam("auditId") Long auditId, @PathParam("caseId") Long caseId,
            @QueryParam("date") String date) {
        var user = currentUser.user();
        AuditAccess access = AuditAccess.of(auditId, user, currentUser.isAdmin());
        Audit audit = access.audit();
        PatientCase patientCase = PatientCase.inAudit(audit, caseId);
        boolean mayCorrect = CaseCorrections.mayChange(access, patientCase) && !patientCase.withdrawn();
        LocalDate day = date == null ? audit.today(clock) : date(date, "date",
                "Write the date as YYYY-MM-DD.");
        activity.record(ActivityEvent.CASE_VIEW, auditId, "Review form of case " + patientCase.caseNumber + " for "
                + day);
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        Review own = Review.ofCaseOn(patientCase, day).stream().filter(r -> r.isAuthor(user)).findFirst()
                .orElse(null);
        if (own == null) {
            return Templates.review(new ReviewForm(audit, String.valueOf(caseId), patientCase.caseNumber,
                    patientCase.ward, wardPath(auditId, patientCase.ward),
                    reviews.formReviewId(audit.id, user, caseId, day), day, set,
                    List.of(), null, null, null, List.of(), null, false, false, null, null, null, null,
                    PatientFacts.of(patientCase, day), reviews.lockOn(audit, day), mayCorrect));
        }
        return Templates.review(new ReviewForm(audit, String.valueOf(caseId), patientCase.caseNumber,
                patientCase.ward, wardPath(auditId, patientCase.ward), own.id, day, set, List.copyOf(own.criteriaMet),
                own.overrideOutcome == null ? null : own.overrideOutcome.name(), own.overrideReason, own.alternative,
                List.copyOf(own.reasons), own.note, own.flagged, own.submitted, null, null, null,
                own.outcome.name(), PatientFacts.of(patientCase, day), reviews.lockOn(audit, day), mayCorrect));
    }

    @POST
    @Path("cases/{caseId}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveReview(@PathParam("auditId") Long auditId, @PathParam("caseId") Long caseId,
            @RestForm String reviewId, @RestForm String reviewDate, @RestForm List<String> criteriaMet,
            @RestForm String overrideOutcome, @RestForm String overrideReason, @RestForm String alternative,
            @RestForm List<String> reasons, @RestForm String note, @RestForm String flagged,
            @RestForm String changeReason, @RestForm String action) {
        var user = currentUser.user();
        Audit audit = AuditAccess.of(auditId, user, currentUser.isAdmin()).audit();
        PatientCase patientCase = PatientCase.inAudit(audit, caseId);
        List<String> met = criteriaMet == null ? List.of() : criteriaMet;
        List<String> why = reasons == null ? List.of() : reasons;
        boolean submit = !"draft".equals(action);
        Outcome override = overrideOutcome == null || overrideOutcome.isBlank() ? null
                : Outcome.valueOf(overrideOutcome.equals("QUALIFIES") ? "QUALIFIES" : "DOES_NOT_QUALIFY");
        String outcome = Outcome.derive(met, override).name();
        boolean isNotQualifying = Outcome.DOES_NOT_QUALIFY.name().equals(outcome);
        try {
            LocalDate day = date(reviewDate, "reviewDate", "Give the date of the review.");
            ReviewService.Submission submission = new ReviewService.Submission(String.valueOf(caseId), day, met,
                    override, overrideReason, isNotQualifying ? alternative : null,
                    isNotQualifying ? why : List.of(), note, flagged != null, submit, changeReason);
            reviews.put(auditId, reviewId, submission, user, currentUser.isAdmin());
            return Response.seeOther(URI.create(wardPath(auditId, patientCase.ward) + "?saved="
                    + URLEncoder.encode(patientCase.caseNumber, StandardCharsets.UTF_8))).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            LocalDate day = parseOrNull(reviewDate);
            String message = e.getMessage();
            String formId = reviewId;
            if ("reviewId".equals(e.field()) && e.status() == 400) {
                // A form cut short lost its hidden id: a fresh one lets the person send it again.
                formId = UUID.randomUUID().toString();
                message = "The form arrived without its review id. Check the review and send it again.";
            } else if ("reviewId".equals(e.field())) {
                // The id belongs to someone else's review or another audit: a person needs no id to act on it.
                formId = UUID.randomUUID().toString();
                message = "This form belongs to a review that is not yours. Check the review and send it again.";
            }
            // A refused change of a submitted review keeps the field for the reason of the change.
            Review stored = formId == null ? null : Review.findById(formId);
            boolean wasSubmitted = stored != null && stored.submitted && stored.isAuthor(user);
            ReviewForm form = new ReviewForm(audit, String.valueOf(caseId), patientCase.caseNumber, patientCase.ward,
                    wardPath(auditId, patientCase.ward), formId, day, criteria.definition(audit.criteriaSet), met,
                    overrideOutcome, overrideReason, alternative, why, note, flagged != null, wasSubmitted,
                    changeReason,
                    e.field() == null ? "form" : e.field(), message, outcome, PatientFacts.of(patientCase, day),
                    day == null ? null : reviews.lockOn(audit, day),
                    CaseCorrections.mayChange(AuditAccess.of(auditId, user, currentUser.isAdmin()), patientCase));
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.review(form).render()).build();
        }
    }

    /** Whether a refusal is the one that asks to confirm an admission more than a year ago. */
    private boolean asksConfirmation(Long auditId, DomainException e, String admissionDate) {
        LocalDate admitted = parseOrNull(admissionDate);
        if (!"admissionDate".equals(e.field()) || admitted == null) {
            return false;
        }
        Audit audit = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin()).audit();
        return Registration.needsConfirmation(admitted, audit.today(clock));
    }

    private WardView wardView(Long auditId, String ward, RegistrationForm registration, String registered,
            String saved, String corrected, String withdrawn) {
        var user = currentUser.user();
        AuditAccess access = AuditAccess.of(auditId, user, currentUser.isAdmin());
        Audit audit = access.audit();
        if (!audit.hasWard(ward)) {
            throw DomainException.notFound("Ward '" + ward + "' is not in this audit.");
        }
        LocalDate today = audit.today(clock);
        Map<Long, ReviewerStanding> standings = reviews.standingsOnWard(auditId, ward, today, user,
                currentUser.isAdmin());
        Map<Long, ReviewService.CaseRow> todays = reviews.cases(auditId, ward, today, user, currentUser.isAdmin())
                .stream().collect(Collectors.toMap(r -> r.patientCase().id, r -> r));
        // The chair, the lead and administrators answer for every review: the ward list leads them to the
        // history of each of today's reviews changed since it was submitted.
        Map<Long, List<String>> changed = new java.util.HashMap<>();
        if (access.admin() || access.has(MemberRole.CHAIR) || access.has(MemberRole.LEAD)) {
            List<Review> todaysReviews = Review.onWardOn(audit, ward, today);
            java.util.Set<String> ids = ReviewHistory.changedAmong(todaysReviews.stream().map(rv -> rv.id).toList());
            todaysReviews.stream().filter(rv -> ids.contains(rv.id)).forEach(rv -> changed
                    .computeIfAbsent(rv.patientCase.id, k -> new java.util.ArrayList<>()).add(rv.id));
        }
        List<CaseLine> cases = reviews.cases(auditId, ward, null, user, currentUser.isAdmin()).stream()
                .filter(r -> !r.patientCase().admissionDate.isAfter(today))
                .map(r -> {
                    PatientCase c = r.patientCase();
                    ReviewService.CaseRow ofToday = todays.get(c.id);
                    return new CaseLine(String.valueOf(c.id), c.caseNumber, c.specialty, c.ageBand, c.admissionDate,
                            ofToday == null ? 0 : ofToday.reviews(), r.dualReview(),
                            ofToday != null && ofToday.secondReviewNeeded(), standings.get(c.id).label(),
                            standings.get(c.id).mayOpen(), CaseCorrections.mayChange(access, c),
                            changed.getOrDefault(c.id, List.of()));
                })
                .toList();
        return new WardView(audit, ward, wardPath(auditId, ward), today, cases, registration,
                Registration.AGE_BANDS, Registration.SEXES,
                registered == null || registered.isBlank() ? null : registered,
                saved == null || saved.isBlank() ? null : saved,
                reviews.lockOn(audit, today), audit.specialtiesOffered(), blankAsNull(corrected),
                blankAsNull(withdrawn));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @GET
    @Path("cases/{caseId}/correction")
    public TemplateInstance correctionForm(@PathParam("auditId") Long auditId, @PathParam("caseId") Long caseId) {
        AuditAccess access = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin());
        PatientCase c = PatientCase.inAudit(access.audit(), caseId);
        if (!CaseCorrections.mayChange(access, c)) {
            throw DomainException.forbidden("Only the person who registered case " + c.caseNumber
                    + ", the audit's lead or an administrator can correct or withdraw it.");
        }
        activity.record(ActivityEvent.CASE_VIEW, auditId, "Correction page of case " + c.caseNumber);
        RegistrationForm values = new RegistrationForm(c.specialty, c.ageBand, c.sex, c.admissionDate.toString(),
                null, null, null, c.specialtyNote, false);
        return Templates.correction(correctionView(access, c, c.ward, values, null, null, null));
    }

    @POST
    @Path("cases/{caseId}/correction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("auditId") Long auditId, @PathParam("caseId") Long caseId,
            @RestForm String ward, @RestForm String specialty, @RestForm String specialtyNote,
            @RestForm String ageBand, @RestForm String sex, @RestForm String admissionDate,
            @RestForm String admissionConfirmed, @RestForm String reason) {
        try {
            PatientCase c = corrections.correct(auditId, String.valueOf(caseId), new CaseCorrections.Correction(
                    ward, specialty, specialtyNote, ageBand, sex, admissionDate, admissionConfirmed != null, reason),
                    currentUser.user(), currentUser.isAdmin());
            return Response.seeOther(URI.create(wardPath(auditId, c.ward) + "?corrected="
                    + URLEncoder.encode(c.caseNumber, StandardCharsets.UTF_8))).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            AuditAccess access = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin());
            PatientCase c = PatientCase.inAudit(access.audit(), caseId);
            RegistrationForm refused = new RegistrationForm(specialty, ageBand, sex, admissionDate, null,
                    e.field() == null ? "form" : e.field(), e.getMessage(), specialtyNote,
                    asksConfirmation(auditId, e, admissionDate));
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.correction(correctionView(access, c, ward, refused, reason, null, null))
                            .render())
                    .build();
        }
    }

    @POST
    @Path("cases/{caseId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("auditId") Long auditId, @PathParam("caseId") Long caseId,
            @RestForm String reason) {
        try {
            PatientCase c = corrections.withdraw(auditId, String.valueOf(caseId), reason, currentUser.user(),
                    currentUser.isAdmin());
            return Response.seeOther(URI.create(wardPath(auditId, c.ward) + "?withdrawn="
                    + URLEncoder.encode(c.caseNumber, StandardCharsets.UTF_8))).build();
        } catch (DomainException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            AuditAccess access = AuditAccess.of(auditId, currentUser.user(), currentUser.isAdmin());
            PatientCase c = PatientCase.inAudit(access.audit(), caseId);
            RegistrationForm values = new RegistrationForm(c.specialty, c.ageBand, c.sex, c.admissionDate.toString(),
                    null, null, null, c.specialtyNote, false);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.correction(correctionView(access, c, c.ward, values, null, reason,
                            e.getMessage())).render())
                    .build();
        }
    }

    /** What an entry changed, in the form's words: "Age band 75-84 → 85+; Sex female → male". */
    private String changes(CaseHistory entry) {
        try {
            PatientCase.Content before = json.readValue(entry.beforeContent, PatientCase.Content.class);
            PatientCase.Content after = json.readValue(entry.afterContent, PatientCase.Content.class);
            List<String> changed = new java.util.ArrayList<>();
            changed(changed, "Ward", before.ward(), after.ward());
            changed(changed, "Specialty", shown(before), shown(after));
            changed(changed, "Age band", before.ageBand(), after.ageBand());
            changed(changed, "Sex", before.sex().toLowerCase(), after.sex().toLowerCase());
            changed(changed, "Admission date", String.valueOf(before.admissionDate()),
                    String.valueOf(after.admissionDate()));
            if (after.withdrawn() && !before.withdrawn()) {
                changed.add("withdrawn from the audit");
            }
            return String.join("; ", changed);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read a case history entry", e);
        }
    }

    private static String shown(PatientCase.Content content) {
        return content.specialtyNote() == null ? content.specialty()
                : content.specialty() + " (" + content.specialtyNote() + ")";
    }

    private static void changed(List<String> changed, String label, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(label + " " + before + " → " + after);
        }
    }

    private CorrectionView correctionView(AuditAccess access, PatientCase c, String ward, RegistrationForm form,
            String reason, String withdrawalReason, String withdrawalMessage) {
        Audit audit = access.audit();
        var zone = audit.zone();
        var minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<HistoryLine> history = CaseHistory.of(c).stream()
                .map(h -> new HistoryLine(h.kind == CaseHistory.Kind.WITHDRAWAL ? "Withdrawn" : "Corrected",
                        h.changedBy, minute.format(h.changedAt.atZone(zone)), h.reason,
                        changes(h)))
                .toList();
        return new CorrectionView(audit, String.valueOf(c.id), c.caseNumber, wardPath(audit.id, c.ward), ward, form,
                reason, List.copyOf(audit.wards), audit.specialtiesOffered(), Registration.AGE_BANDS,
                Registration.SEXES, withdrawalReason, withdrawalMessage, history, c.withdrawn());
    }

    /** The address of a ward's page. */
    public static String wardPath(Long auditId, String ward) {
        return "/audits/" + auditId + "/wards/" + URLEncoder.encode(ward, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, message);
        }
    }

    private static LocalDate date(String value, String field, String message) {
        require(value, field, message);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "Write the date as YYYY-MM-DD.");
        }
    }

    private static LocalDate parseOrNull(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
