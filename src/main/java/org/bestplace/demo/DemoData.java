package org.bestplace.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bestplace.operations.ServiceClock;
import org.bestplace.BestplaceConfig;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditStatus;
import org.bestplace.audit.AuditTeam;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.generate.SyntheticModel;
import org.bestplace.review.Outcome;
import org.bestplace.review.PatientCase;
import org.bestplace.review.Review;
import org.bestplace.review.ReviewContent;
import org.bestplace.security.AdminBootstrap;
import org.bestplace.security.Role;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.security.UserService;
import org.bestplace.training.Answer;
import org.bestplace.training.TrainingAnswer;
import org.bestplace.training.TrainingCase;
import org.jboss.logging.Logger;

/**
 * A demo audit with synthetic patients, made on the first start of a service running on its
 * embedded database, so a newcomer has something to look at. The same seed always gives the
 * same data. Every demo user signs in with {@link AdminBootstrap#DEMO_PASSWORD}.
 */
@ApplicationScoped
public class DemoData {

    public static final String AUDIT_TITLE = "Demo: Riverside General best place of care audit";
    public static final List<String> WARDS = SyntheticModel.WARDS.subList(1, 3);
    static final long SEED = 20261122L;
    static final int CASES_PER_WARD_PER_DAY = 10;
    static final int DAYS = 3;
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    BestplaceConfig config;

    @Inject
    ServiceClock clock;

    @Inject
    UserService users;

    @Inject
    CriteriaService criteria;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (config.demoEnabled()) {
            long started = System.nanoTime();
            createIfAbsent(LocalDate.ofInstant(clock.now(), ZoneId.of(config.defaultTimeZone())));
            LOG.debugf("Demo data checked in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    record DemoUser(String username, String name, String organisation, Sector sector, Role role, MemberRole member) {
    }

    static final List<DemoUser> TEAM = List.of(
            new DemoUser("chair", "Dr Amira Okafor", "Riverside General Hospital", Sector.HOSPITAL, Role.CHAIR,
                    MemberRole.CHAIR),
            new DemoUser("lead", "Sam Patel", "Riverside Community Health", Sector.COMMUNITY, Role.REVIEWER,
                    MemberRole.LEAD),
            new DemoUser("commissioner", "Jo Whitfield", "Riverside Integrated Care Board", Sector.COMMISSIONER,
                    Role.COMMISSIONER, MemberRole.COMMISSIONER),
            new DemoUser("reviewer-h1", "Nurse Grace Lim", "Riverside General Hospital", Sector.HOSPITAL,
                    Role.REVIEWER, MemberRole.REVIEWER),
            new DemoUser("reviewer-h2", "Dr Tom Reyes", "Riverside General Hospital", Sector.HOSPITAL,
                    Role.REVIEWER, MemberRole.REVIEWER),
            new DemoUser("reviewer-c1", "Priya Shah, district nurse", "Riverside Community Health",
                    Sector.COMMUNITY, Role.REVIEWER, MemberRole.REVIEWER),
            new DemoUser("reviewer-c2", "Ben Adeyemi, therapist", "Riverside Community Health", Sector.COMMUNITY,
                    Role.REVIEWER, MemberRole.REVIEWER),
            new DemoUser("reviewer-m1", "Helen Marsh, nurse adviser", "Riverside Integrated Care Board",
                    Sector.COMMISSIONER, Role.REVIEWER, MemberRole.REVIEWER));

    /** Makes the demo once: it is skipped when its chair already exists. */
    @Transactional
    public Audit createIfAbsent(LocalDate today) {
        if (User.byUsername("chair").isPresent()) {
            return null;
        }
        CriteriaSet set = CriteriaSet.<CriteriaSet>list("status", CriteriaStatus.RATIFIED).stream().findFirst()
                .orElse(null);
        if (set == null) {
            LOG.warn("No ratified criteria set: the demo audit was not created");
            return null;
        }
        Instant now = clock.now();
        List<User> team = new ArrayList<>();
        for (DemoUser demo : TEAM) {
            team.add(users.create(demo.username(), demo.name(), demo.organisation(), demo.sector(),
                    EnumSet.of(demo.role()), AdminBootstrap.DEMO_PASSWORD));
        }
        LocalDate firstDay = today.minusDays(DAYS - 1);
        Audit audit = new Audit(AUDIT_TITLE,
                "Of the adult inpatients on the two wards on each audit day, how many could have been cared for"
                        + " somewhere other than an acute bed, where, and what kept them in hospital?",
                "Riverside General Hospital (synthetic data)", Set.copyOf(WARDS), firstDay, today.plusDays(4),
                ZoneId.of(config.defaultTimeZone()), set,
                new BigDecimal("0.200"), "admin", now);
        audit.persist();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < TEAM.size(); i++) {
            Member member = new Member(audit, team.get(i), TEAM.get(i).member(), TEAM.get(i).sector(), "admin", now);
            member.persist();
            members.add(member);
        }
        audit.moveTo(AuditStatus.COLLECTING, null, AuditTeam.of(members), "admin", now).persist();
        List<User> reviewers = team.stream().filter(u -> u.username.startsWith("reviewer-")).toList();
        fill(audit, criteria.definition(set), reviewers, firstDay, now);
        practise(set, criteria.definition(set), reviewers, now);
        LOG.infof("Created the demo audit (id %d) with %d cases; demo users sign in with password '%s'", audit.id,
                PatientCase.count("audit", audit), AdminBootstrap.DEMO_PASSWORD);
        return audit;
    }

    /**
     * The reviewers trained before the audit: each of the first four answered twelve of the set's
     * training cases (one outcome off the reference), enough to be ready by the default rule; the
     * last answered four, so the readiness page shows one reviewer not yet ready.
     */
    private static void practise(CriteriaSet set, CriteriaFile definition, List<User> reviewers, Instant now) {
        List<TrainingCase> cases = TrainingCase.ofSet(set);
        if (cases.isEmpty()) {
            return;
        }
        String criterion = definition.criteria().findFirst().map(CriteriaFile.Criterion::code).orElseThrow();
        String place = definition.alternatives().get(0).code();
        for (int r = 0; r < reviewers.size(); r++) {
            int answered = Math.min(cases.size(), r == reviewers.size() - 1 ? 4 : 12);
            for (int i = 0; i < answered; i++) {
                Answer reference = cases.get(i).reference();
                Answer answer = reference;
                if (i == r + 1) {
                    answer = reference.outcome() == Outcome.QUALIFIES
                            ? new Answer(List.of(), null, null, place, List.of())
                            : new Answer(List.of(criterion), null, null, null, List.of());
                }
                new TrainingAnswer(cases.get(i), reviewers.get(r), answer,
                        now.minusSeconds(86_400L * 5 - 600L * i)).persist();
            }
        }
    }

    /** Ten patients a ward a day, drawn from the synthetic model that the benchmark generator uses too. */
    private void fill(Audit audit, CriteriaFile set, List<User> reviewers, LocalDate firstDay, Instant now) {
        SyntheticModel model = new SyntheticModel(SEED, SyntheticModel.Mix.DEMO);
        Codes codes = new Codes(set.criteria().map(CriteriaFile.Criterion::code).toList(),
                set.alternatives().stream().map(CriteriaFile.Alternative::code).filter(code -> !code.equals("OTHER"))
                        .toList(),
                set.reasons().stream().map(CriteriaFile.Reason::code).toList());
        int reviewNumber = 0;
        for (int day = 0; day < DAYS; day++) {
            LocalDate reviewDate = firstDay.plusDays(day);
            for (String ward : WARDS) {
                for (int n = 0; n < CASES_PER_WARD_PER_DAY; n++) {
                    SyntheticModel.Patient patient = model.patient(List.of(ward));
                    PatientCase patientCase = new PatientCase(audit, audit.takeCaseNumber(), ward, patient.specialty(),
                            patient.ageBand(), patient.sex(), reviewDate.minusDays(patient.stayBefore()), null, "admin",
                            now);
                    patientCase.persist();
                    User first = reviewerOf(model, reviewers, model.firstSector());
                    boolean notQualifying = model.notQualifying(patient, patient.stayBefore());
                    Review firstReview = new Review(uuid(++reviewNumber), audit, patientCase, first, first.sector,
                            content(model, patientCase, reviewDate, notQualifying, codes), now);
                    firstReview.persist();
                    if (model.reviewedTwice()) {
                        User second = reviewerOf(model, reviewers, model.secondSector(first.sector));
                        boolean says = model.secondAgrees(notQualifying) == notQualifying;
                        Review secondReview = new Review(uuid(++reviewNumber), audit, patientCase, second,
                                second.sector, content(model, patientCase, reviewDate, says, codes), now);
                        // Submitted a moment after the first, so the order of the pair is stable.
                        secondReview.submittedAt = now.plusMillis(1);
                        secondReview.persist();
                    }
                    Review.rankPatientDay(patientCase, reviewDate);
                }
            }
        }
    }

    /** The criteria set's codes the demo's reviews use ("other" places need a description, so none). */
    private record Codes(List<String> criteria, List<String> alternatives, List<String> reasons) {
    }

    private static User reviewerOf(SyntheticModel model, List<User> reviewers, Sector sector) {
        List<User> ofSector = reviewers.stream().filter(u -> u.sector == sector).toList();
        return ofSector.get(model.nextInt(ofSector.size()));
    }

    /** A review's content; now and then an override, a flag or a note, as real reviews have. */
    private static ReviewContent content(SyntheticModel model, PatientCase patientCase, LocalDate date,
            boolean notQualifying, Codes codes) {
        if (!notQualifying) {
            return new ReviewContent(patientCase.id, date, model.criteriaMet(codes.criteria()), null, null, null,
                    List.of(), null, model.sometimes(0.05), true);
        }
        boolean override = model.sometimes(0.03);
        List<String> met = override ? List.of(codes.criteria().get(model.nextInt(codes.criteria().size())))
                : List.of();
        return new ReviewContent(patientCase.id, date, met, override ? Outcome.DOES_NOT_QUALIFY : null,
                override ? "Criterion met only because of a routine regimen that could be given at home" : null,
                model.weighted(codes.alternatives()), model.reasons(codes.reasons()),
                model.sometimes(0.3) ? "Discussed with the ward team; plan agreed in principle." : null,
                model.sometimes(0.15), true);
    }

    private static String uuid(int n) {
        return UUID.nameUUIDFromBytes(("bestplace-demo-review-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
