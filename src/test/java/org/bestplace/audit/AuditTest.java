package org.bestplace.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.bestplace.Entities;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;
import org.junit.jupiter.api.Test;

/** The audit's own rules, in plain Java: its calendar and its lifecycle. */
class AuditTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant SUMMER_NIGHT = Instant.parse("2026-07-14T23:30:00Z");
    /** A team that may collect: a chair, and reviewers of two sectors. */
    static final AuditTeam READY = new AuditTeam(true, Set.of(Sector.HOSPITAL, Sector.COMMUNITY));

    @Test
    void anAuditsDayIsTheDayOfItsOwnTimeZone() {
        Audit london = Entities.audit(LONDON, SUMMER_NIGHT);
        Audit utc = Entities.audit(ZoneId.of("UTC"), SUMMER_NIGHT);
        assertEquals(LocalDate.of(2026, 7, 15), london.dayOf(SUMMER_NIGHT));
        assertEquals(LocalDate.of(2026, 7, 14), utc.dayOf(SUMMER_NIGHT));
        assertEquals(Instant.parse("2026-07-14T23:00:00Z"), london.startOf(LocalDate.of(2026, 7, 15)), "BST");
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), london.startOf(LocalDate.of(2026, 12, 1)), "GMT");
    }

    @Test
    void theStartDateIsCheckedAgainstTheAuditsOwnToday() {
        LocalDate tenYearsFromLondonsToday = LocalDate.of(2036, 7, 15);
        Audit london = Entities.audit(tenYearsFromLondonsToday, LONDON, SUMMER_NIGHT);
        assertEquals(tenYearsFromLondonsToday, london.startDate);
        DomainException refused = assertThrows(DomainException.class,
                () -> Entities.audit(tenYearsFromLondonsToday, ZoneId.of("UTC"), SUMMER_NIGHT));
        assertEquals("startDate", refused.field());
    }

    @Test
    void anUnknownZoneIsRefusedNamingTheField() {
        assertEquals(LONDON, Audit.zoneOf(" Europe/London "));
        DomainException refused = assertThrows(DomainException.class, () -> Audit.zoneOf("Mars/Olympus_Mons"));
        assertEquals(400, refused.status());
        assertEquals("timeZone", refused.field());
    }

    @Test
    void anAuditMovesForwardThroughItsLifecycleAndBackOnlyWithAReason() {
        Instant now = Instant.parse("2026-10-20T09:00:00Z");
        Audit audit = Entities.audit(LONDON, now);
        assertEquals(AuditStatus.PLANNED, audit.status);
        assertEquals(409, assertThrows(DomainException.class, audit::requireCollecting).status());

        DomainException skipped = assertThrows(DomainException.class,
                () -> audit.moveTo(AuditStatus.CLOSED, null, READY, "lead", now));
        assertEquals(409, skipped.status());
        assertEquals(AuditStatus.PLANNED, audit.status, "a refused move changes nothing");

        AuditStatusChange opened = audit.moveTo(AuditStatus.COLLECTING, null, READY, "lead", now);
        assertEquals(AuditStatus.COLLECTING, audit.status);
        assertEquals(AuditStatus.PLANNED, opened.fromStatus);
        assertEquals(AuditStatus.COLLECTING, opened.toStatus);
        audit.requireCollecting();

        audit.moveTo(AuditStatus.CLOSED, null, READY, "lead", now);
        assertEquals(409, assertThrows(DomainException.class, audit::requireOpen).status());
        DomainException noReason = assertThrows(DomainException.class,
                () -> audit.moveTo(AuditStatus.COLLECTING, " ", READY, "lead", now));
        assertEquals("reason", noReason.field());
        assertEquals(AuditStatus.CLOSED, audit.status);
        audit.moveTo(AuditStatus.COLLECTING, "Ward B's last day was missed", READY, "lead", now);
        assertEquals(AuditStatus.COLLECTING, audit.status);

        audit.moveTo(AuditStatus.CLOSED, null, READY, "lead", now);
        audit.moveTo(AuditStatus.PUBLISHED, null, READY, "lead", now);
        for (AuditStatus any : AuditStatus.values()) {
            assertThrows(DomainException.class, () -> audit.moveTo(any, "why not", READY, "lead", now), "published is final");
        }
    }

    @Test
    void anAuditCollectsOnlyWithAChairAndReviewersOfTwoSectors() {
        Instant now = Instant.parse("2026-10-20T09:00:00Z");
        Audit audit = Entities.audit(LONDON, now);
        for (AuditTeam short_ : java.util.List.of(new AuditTeam(false, Set.of()),
                new AuditTeam(false, Set.of(Sector.HOSPITAL, Sector.COMMUNITY)),
                new AuditTeam(true, Set.of()), new AuditTeam(true, Set.of(Sector.COMMISSIONER)))) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> audit.moveTo(AuditStatus.COLLECTING, null, short_, "lead", now));
            assertEquals(409, refused.status());
            assertEquals(AuditTeam.RULE + " " + short_.missing().orElseThrow(), refused.getMessage());
            assertEquals(AuditStatus.PLANNED, audit.status);
        }
        audit.moveTo(AuditStatus.COLLECTING, null, new AuditTeam(true, Set.of(Sector.COMMISSIONER,
                Sector.COMMUNITY)), "lead", now);
        assertEquals(AuditStatus.COLLECTING, audit.status);
        audit.moveTo(AuditStatus.CLOSED, null, READY, "lead", now);
        assertThrows(DomainException.class, () -> audit.moveTo(AuditStatus.COLLECTING, "Missed a ward",
                new AuditTeam(false, Set.of(Sector.HOSPITAL, Sector.COMMUNITY)), "lead", now),
                "reopening needs the team too");
    }

    @Test
    void anAuditRunsForAtMostAYearAndNotBackwards() {
        Instant now = Instant.parse("2026-10-20T09:00:00Z");
        var set = Entities.ratifiedSet(now);
        LocalDate start = LocalDate.of(2026, 11, 1);
        DomainException backwards = assertThrows(DomainException.class, () -> new Audit("A", "Q", "S",
                java.util.Set.of("Ward A"), start, start.minusDays(1), LONDON, set, java.math.BigDecimal.ONE, "admin",
                now));
        assertEquals("endDate", backwards.field());
        DomainException tooLong = assertThrows(DomainException.class, () -> new Audit("A", "Q", "S",
                java.util.Set.of("Ward A"), start, start.plusYears(1).plusDays(1), LONDON, set,
                java.math.BigDecimal.ONE, "admin", now));
        assertEquals("endDate", tooLong.field());
    }
}
