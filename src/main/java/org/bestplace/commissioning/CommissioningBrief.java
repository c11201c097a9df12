package org.bestplace.commissioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.security.Sector;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Wilson;

/**
 * An audit's findings in the terms a commissioner buys in (DESIGN.md §4, "The commissioning
 * brief"): over settled patient-days, the beds occupied on an average audit day by patients who
 * could be cared for elsewhere, by alternative place and by the group of reasons that keeps them,
 * a scenario and, where unit costs were entered, what those bed-days cost. With the agreed
 * question, the dates, the team and the criteria set, it stands on its own as a board paper.
 */
public record CommissioningBrief(
        long patientDays,
        long auditDays,
        Double meanReviewedPerDay,
        long notQualifying,
        long unresolved,
        Double proportion,
        Interval ci95,
        String ci95Reason,
        Double bedBase,
        boolean bedBaseTyped,
        Beds bedsOccupied,
        Beds annualBedDays,
        List<AlternativeRow> byAlternative,
        List<GroupRow> byReasonGroup,
        @JsonInclude(JsonInclude.Include.NON_NULL) Scenario scenario,
        @JsonInclude(JsonInclude.Include.NON_NULL) Costs costs,
        boolean openedDaysOnly,
        Paper audit,
        @JsonInclude(JsonInclude.Include.NON_NULL) org.bestplace.results.Reaudits.Change repeats,
        List<SectorTeam> team) {

    static final int DAYS_A_YEAR = 365;

    /** A figure in beds (or bed-days): the estimate and its 95% interval, each the proportion's × the bed base. */
    public record Beds(double estimate, double low, double high) {

        static Beds of(Double proportion, Interval ci95, Double base, double factor) {
            if (proportion == null || ci95 == null || base == null) {
                return null;
            }
            return new Beds(Interval.tidy(proportion * base * factor), Interval.tidy(ci95.low() * base * factor),
                    Interval.tidy(ci95.high() * base * factor));
        }
    }

    public record AlternativeRow(String code, String title, long patientDays, Double proportion, Interval ci95,
            Beds beds, Beds annualBedDays) {
    }

    /** A group of reasons for delay, and who can act on it: a sector of the team, or an organisation beside them. */
    public record GroupRow(String group, String title, String actedOnBy, Sector sector, List<String> reasons,
            long patientDays, Double proportion, Interval ci95, Beds beds, Beds annualBedDays) {
    }

    public record Scenario(List<String> reasons, List<String> titles, long patientDays, Double proportion,
            Interval ci95, Beds beds, Beds annualBedDays) {
    }

    public record CostRow(String code, String title, double costPerDay, double beds, double annualCostInHospital,
            double annualCostInAlternative, double difference) {
    }

    public record CostTotal(double annualCostInHospital, double annualCostInAlternative, double difference) {
    }

    public record Costs(String currency, String source, double acuteBedDay, String enteredBy, Instant enteredAt,
            List<CostRow> byAlternative, CostTotal total, List<String> notCosted) {
    }

    /** What makes the brief a board paper: the audit, its agreed question, its dates and its criteria set. */
    public record Paper(Long id, String title, String question, String site, List<String> wards,
            LocalDate startDate, LocalDate endDate, String status, String timeZone, CriteriaSetRef criteriaSet) {
    }

    public record CriteriaSetRef(String id, String version, String title, String contentHash) {
    }

    public record TeamMember(String name, String organisation, String role) {
    }

    public record SectorTeam(Sector sector, List<TeamMember> members) {
    }

    /** What the database counted: settled patient-days by outcome and place, and by the set of reasons given. */
    record Counts(long patientDays, long notQualifying, long unresolved, long auditDays, Map<String, Long> byAlternative,
            Map<Set<String>, Long> byReasonSet) {
    }

    /** A group's words: its name and who can act on it. Groups the list does not know are named from their code. */
    record GroupWords(String title, String actedOnBy, Sector sector) {
    }

    static final Map<String, GroupWords> GROUPS = Map.of(
            "HOSPITAL_PROCESS", new GroupWords("Hospital process", "the hospital", Sector.HOSPITAL),
            "COMMUNITY_CAPACITY", new GroupWords("Community capacity", "community health services", Sector.COMMUNITY),
            "SOCIAL_CARE", new GroupWords("Social care", "the local authority's social care", null),
            "PATIENT_FAMILY", new GroupWords("Patient and family", "the ward team with the patient and family", null),
            "NO_SERVICE", new GroupWords("No suitable service", "commissioners", Sector.COMMISSIONER));

    static GroupWords words(String group) {
        GroupWords known = GROUPS.get(group);
        if (known != null) {
            return known;
        }
        String words = group.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return new GroupWords(Character.toUpperCase(words.charAt(0)) + words.substring(1), "", null);
    }

    /**
     * Works the figures out from the counts. {@code typedBeds} is the bed base the reader typed, or
     * null for the beds the audit reviewed each day; {@code scenario} the reasons a proposed service
     * would remove, or null for no scenario.
     */
    static CommissioningBrief work(Counts counts, CriteriaFile set, Double typedBeds, List<String> scenario,
            UnitCosts unitCosts, boolean openedDaysOnly, Paper paper, List<SectorTeam> team) {
        long n = counts.patientDays();
        Double mean = counts.auditDays() == 0 ? null : (double) n / counts.auditDays();
        Double base = typedBeds != null ? typedBeds : mean;
        Share all = Share.of(counts.notQualifying(), n, base);

        List<AlternativeRow> byAlternative = new ArrayList<>();
        for (CriteriaFile.Alternative alternative : set.alternatives()) {
            Share share = Share.of(counts.byAlternative().getOrDefault(alternative.code(), 0L), n, base);
            byAlternative.add(new AlternativeRow(alternative.code(), alternative.title(), share.count, share.proportion,
                    share.ci95, share.beds, share.bedDays));
        }

        Map<String, List<String>> groups = new LinkedHashMap<>();
        set.reasons().forEach(r -> groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r.code()));
        List<GroupRow> byGroup = new ArrayList<>();
        groups.forEach((group, codes) -> {
            Share share = Share.of(withAnyOf(counts, codes), n, base);
            GroupWords words = words(group);
            byGroup.add(new GroupRow(group, words.title(), words.actedOnBy(), words.sector(), codes, share.count,
                    share.proportion, share.ci95, share.beds, share.bedDays));
        });

        Scenario released = null;
        if (scenario != null) {
            Set<String> removed = Set.copyOf(scenario);
            Map<String, String> titles = new LinkedHashMap<>();
            set.reasons().forEach(r -> titles.put(r.code(), r.title()));
            List<String> named = scenario.stream().map(c -> titles.getOrDefault(c, c)).toList();
            if (removed.isEmpty()) {
                // Removing no reason releases nothing, with certainty: no interval around it.
                Beds none = n == 0 || base == null ? null : new Beds(0, 0, 0);
                released = new Scenario(scenario, named, 0, n == 0 ? null : 0.0, n == 0 ? null : new Interval(0, 0),
                        none, none);
            } else {
                long days = counts.byReasonSet().entrySet().stream()
                        .filter(e -> !e.getKey().isEmpty() && removed.containsAll(e.getKey()))
                        .mapToLong(Map.Entry::getValue).sum();
                Share share = Share.of(days, n, base);
                released = new Scenario(scenario, named, share.count, share.proportion, share.ci95, share.beds,
                        share.bedDays);
            }
        }

        Costs costs = unitCosts == null ? null : costs(unitCosts, byAlternative);
        return new CommissioningBrief(n, counts.auditDays(), mean, counts.notQualifying(), counts.unresolved(),
                all.proportion, all.ci95, n == 0 ? Interval.NO_PATIENT_DAYS : null, base, typedBeds != null, all.beds,
                all.bedDays, byAlternative, byGroup, released, costs, openedDaysOnly, paper, null, team);
    }

    /** The same brief with a re-audit's change against the audit it repeats. */
    CommissioningBrief withRepeats(org.bestplace.results.Reaudits.Change change) {
        return new CommissioningBrief(patientDays, auditDays, meanReviewedPerDay, notQualifying, unresolved, proportion,
                ci95, ci95Reason, bedBase, bedBaseTyped, bedsOccupied, annualBedDays, byAlternative, byReasonGroup,
                scenario, costs, openedDaysOnly, audit, change, team);
    }

    /**
     * Not-qualifying settled patient-days with at least one of these reasons: a reason group's count,
     * and an action's reasons' count on a re-audit.
     */
    static long withAnyOf(Counts counts, java.util.Collection<String> codes) {
        return counts.byReasonSet().entrySet().stream().filter(e -> e.getKey().stream().anyMatch(codes::contains))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Yearly costs on the estimates: beds × 365 × the cost of a day, in hospital and in the alternative. */
    private static Costs costs(UnitCosts unit, List<AlternativeRow> byAlternative) {
        double acute = unit.acuteBedDay.doubleValue();
        List<CostRow> rows = new ArrayList<>();
        List<String> notCosted = new ArrayList<>();
        double inHospital = 0;
        double inAlternative = 0;
        for (AlternativeRow row : byAlternative) {
            java.math.BigDecimal cost = unit.alternatives.get(row.code());
            double beds = row.beds() == null ? 0 : row.beds().estimate();
            if (cost == null) {
                if (row.patientDays() > 0) {
                    notCosted.add(row.code());
                }
                continue;
            }
            double hospital = beds * DAYS_A_YEAR * acute;
            double alternative = beds * DAYS_A_YEAR * cost.doubleValue();
            rows.add(new CostRow(row.code(), row.title(), cost.doubleValue(), beds, hospital, alternative,
                    hospital - alternative));
            inHospital += hospital;
            inAlternative += alternative;
        }
        return new Costs(unit.currency, unit.source, acute, unit.enteredBy, unit.enteredAt, rows,
                new CostTotal(inHospital, inAlternative, inHospital - inAlternative), notCosted);
    }

    /** x of n as a proportion with its Wilson interval, and in beds and bed-days a year on the bed base. */
    private record Share(long count, Double proportion, Interval ci95, Beds beds, Beds bedDays) {
        static Share of(long count, long n, Double base) {
            Double proportion = n == 0 ? null : (double) count / n;
            Interval ci95 = Wilson.interval(count, n);
            return new Share(count, proportion, ci95, Beds.of(proportion, ci95, base, 1),
                    Beds.of(proportion, ci95, base, DAYS_A_YEAR));
        }
    }
}
