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
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.bestplace.operations.ServiceClock;
import org.bestplace.BestplaceConfig;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditStatus;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.audit.Sector;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaStatus;
import org.bestplace.review.Outcome;
import org.bestplace.review.PatientCase;
import org.bestplace.review.Review;
import org.bestplace.review.ReviewContent;
import org.bestplace.security.AdminBootstrap;
import org.bestplace.security.Role;
import org.bestplace.security.User;
import org.bestplace.security.UserService;
import org.jboss.logging.Logger;

/**
 * A demo audit with synthetic patients, made on the first start of a service running on its
 * embedded database, so a newcomer has something to look at. The same seed always gives the
 * same data. Every demo user signs in with {@link AdminBootstrap#DEMO_PASSWORD}.
 */
@ApplicationScoped
public class DemoData {

    public static final String AUDIT_TITLE = "Demo: Riverside General best place of care audit";
    public static final List<String> WARDS = List.of("Ward 7 Acute Medicine", "Ward 12 Older People");
    static final long SEED = 20261122L;
    static final int CASES_PER_WARD_PER_DAY = 10;
    static final int DAYS = 3;
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final List<String> SPECIALTIES = List.of("General medicine", "Care of older people",
            "Respiratory", "Cardiology", "Gastroenterology", "General surgery");
    private static final List<String> AGE_BANDS = List.of("18-39", "40-64", "65-74", "75-84", "85+");

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
            createIfAbsent(LocalDate.ofInstant(clock.now(), ZoneId.of(config.defaultTimeZone())));
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
        audit.moveTo(AuditStatus.COLLECTING, null, "admin", now).persist();
        for (int i = 0; i < TEAM.size(); i++) {
            new Member(audit, team.get(i), TEAM.get(i).member(), TEAM.get(i).sector(), "admin", now).persist();
        }
        List<User> reviewers = team.stream().filter(u -> u.username.startsWith("reviewer-")).toList();
        fill(audit, criteria.definition(set), reviewers, firstDay, now);
        LOG.infof("Created the demo audit (id %d) with %d cases; demo users sign in with password '%s'", audit.id,
                PatientCase.count("audit", audit), AdminBootstrap.DEMO_PASSWORD);
        return audit;
    }

    private void fill(Audit audit, CriteriaFile set, List<User> reviewers, LocalDate firstDay, Instant now) {
        Random random = new Random(SEED);
        List<String> criterionCodes = set.criteria().map(CriteriaFile.Criterion::code).toList();
        List<String> alternatives = set.alternatives().stream().map(CriteriaFile.Alternative::code)
                .filter(code -> !code.equals("OTHER")).toList();
        List<String> reasons = set.reasons().stream().map(CriteriaFile.Reason::code).toList();
        int reviewNumber = 0;
        for (int day = 0; day < DAYS; day++) {
            LocalDate reviewDate = firstDay.plusDays(day);
            for (String ward : WARDS) {
                for (int n = 0; n < CASES_PER_WARD_PER_DAY; n++) {
                    int stay = random.nextDouble() < 0.7 ? random.nextInt(7) : 7 + random.nextInt(35);
                    PatientCase patientCase = new PatientCase(audit, audit.takeCaseNumber(), ward,
                            SPECIALTIES.get(random.nextInt(SPECIALTIES.size())),
                            AGE_BANDS.get(Math.min(AGE_BANDS.size() - 1, random.nextInt(AGE_BANDS.size() + 1))),
                            random.nextBoolean() ? "FEMALE" : "MALE", reviewDate.minusDays(stay), null, "admin", now);
                    patientCase.persist();
                    User first = reviewers.get(random.nextInt(reviewers.size()));
                    boolean qualifies = random.nextDouble() >= (stay > 13 ? 0.45 : 0.2);
                    ReviewContent content = content(random, patientCase, reviewDate, qualifies, criterionCodes,
                            alternatives, reasons);
                    Review firstReview = new Review(uuid(++reviewNumber), audit, patientCase, first, first.sector,
                            content, now);
                    firstReview.persist();
                    if (random.nextDouble() < 0.25) {
                        List<User> others = reviewers.stream().filter(u -> u.sector != first.sector).toList();
                        User second = others.get(random.nextInt(others.size()));
                        boolean agrees = random.nextDouble() < 0.8;
                        ReviewContent again = content(random, patientCase, reviewDate, agrees == qualifies,
                                criterionCodes, alternatives, reasons);
                        Review secondReview = new Review(uuid(++reviewNumber), audit, patientCase, second,
                                second.sector, again, now);
                        // Submitted a moment after the first, so the order of the pair is stable.
                        secondReview.submittedAt = now.plusMillis(1);
                        secondReview.persist();
                    }
                    Review.rankPatientDay(patientCase, reviewDate);
                }
            }
        }
    }

    private static ReviewContent content(Random random, PatientCase patientCase, LocalDate date, boolean qualifies,
            List<String> criterionCodes, List<String> alternatives, List<String> reasons) {
        boolean override = random.nextDouble() < 0.03;
        if (qualifies) {
            List<String> met = pick(random, criterionCodes, 1 + random.nextInt(3));
            return new ReviewContent(patientCase.id, date, met, null, null, null, List.of(), null,
                    random.nextDouble() < 0.05, true);
        }
        List<String> met = override ? pick(random, criterionCodes, 1) : List.of();
        String alternative = alternatives.get(Math.min(alternatives.size() - 1,
                (int) Math.floor(Math.abs(random.nextGaussian()) * 2)));
        return new ReviewContent(patientCase.id, date, met, override ? Outcome.DOES_NOT_QUALIFY : null,
                override ? "Criterion met only because of a routine regimen that could be given at home" : null,
                alternative, pick(random, reasons, 1 + random.nextInt(2)),
                random.nextDouble() < 0.3 ? "Discussed with the ward team; plan agreed in principle." : null,
                random.nextDouble() < 0.15, true);
    }

    private static List<String> pick(Random random, List<String> from, int count) {
        List<String> pool = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private static String uuid(int n) {
        return UUID.nameUUIDFromBytes(("bestplace-demo-review-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
