package org.bestplace.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bestplace.Entities;
import org.bestplace.review.Outcome;
import org.bestplace.review.ReviewContent;
import org.bestplace.review.ReviewRules;
import org.bestplace.web.DomainException;
import org.junit.jupiter.api.Test;

/**
 * The training cases shipped beside the criteria set: in the agreed shape, every reference a
 * review the product would accept, and together covering the whole set.
 */
class ShippedTrainingCasesTest {

    static final Path FILE = Path.of("criteria", "acute-adult-day-of-care.training.yaml");

    record TrainingFile(SetName criteriaSet, List<TrainingCase> cases) {
    }

    record SetName(String id, String version) {
    }

    record TrainingCase(String title, String notes, String ward, String specialty, String ageBand, String sex,
            Integer daysSinceAdmission, Reference reference) {
    }

    record Reference(List<String> criteriaMet, Override override, String alternative, List<String> reasons) {
    }

    record Override(Outcome outcome, String reason) {
    }

    static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final Set<String> AGE_BANDS = Set.of("18-39", "40-64", "65-74", "75-84", "85+");
    static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    /** Anything that looks like an NHS number, a calendar date or a date of birth has no place in synthetic notes. */
    static final Pattern NHS_NUMBER = Pattern.compile("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b");
    static final Pattern DATE = Pattern.compile("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b(19|20)\\d{2}-\\d{2}-\\d{2}\\b");
    static final Pattern BIRTH = Pattern.compile("(?i)\\b(dob|d\\.o\\.b|date of birth|born on|nhs no|nhs number|mrn|hospital number)\\b");

    @Test
    void theShippedCasesKeepTheRulesAndCoverTheSet() throws IOException {
        assertTrue(Files.exists(FILE), "no training cases file at " + FILE);
        List<String> problems = problems(Files.readString(FILE), Entities.criteria());
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void anIncompleteFileIsFoundOut() {
        String yaml = """
                criteriaSet: { id: acute-adult-day-of-care, version: "1.0" }
                cases:
                  - title: "Oxygen for pneumonia"
                    notes: "Day 1. SpO2 90% on air, 2 L nasal oxygen started."
                    ageBand: "75-84"
                    reference:
                      criteriaMet: [NUR-01, NUR-99]
                  - title: "Waiting for a care home"
                    notes: "Day 12. Stable, NHS no 123 456 7890."
                    reference:
                      criteriaMet: []
                      reasons: [SC-CARE-HOME]
                  - title: "An override that agrees"
                    notes: "Day 3. On IV fluids."
                    reference:
                      criteriaMet: [NUR-02]
                      override: { outcome: QUALIFIES, reason: "needs the fluids" }
                """;
        List<String> problems = problems(yaml, Entities.criteria());
        String all = String.join("\n", problems);
        assertTrue(all.contains("3 cases; at least 20"), all);
        assertTrue(all.contains("case 1 'Oxygen for pneumonia': criteriaMet: Unknown criterion code 'NUR-99'"), all);
        assertTrue(all.contains("case 2 'Waiting for a care home': alternative:"), all);
        assertTrue(all.contains("case 2 'Waiting for a care home': notes look like they hold an NHS number"), all);
        assertTrue(all.contains("case 3 'An override that agrees': override.outcome:"), all);
        assertTrue(all.contains("no case meets a criterion of group MED"), all);
        assertTrue(all.contains("no case has the alternative HOSPICE"), all);
        assertTrue(all.contains("no case has a reason of group NO_SERVICE"), all);
        assertTrue(all.contains("no case where the criteria are met but the panel says it does not qualify"), all);
        assertTrue(all.contains("no case where no criterion is met but the panel says it qualifies"), all);
    }

    @Test
    void aKeyOutsideTheAgreedShapeIsFoundOut() {
        String yaml = """
                criteriaSet: { id: acute-adult-day-of-care, version: "1.0" }
                cases:
                  - title: "Typo"
                    notes: "Day 1."
                    refrence: { criteriaMet: [NUR-01] }
                """;
        List<String> problems = problems(yaml, Entities.criteria());
        assertTrue(problems.get(0).contains("refrence"), problems.toString());
    }

    /** Everything wrong with a training cases file for this set, all at once. */
    static List<String> problems(String yaml, CriteriaFile set) {
        List<String> problems = new ArrayList<>();
        TrainingFile file;
        try {
            file = YAML.readValue(yaml, TrainingFile.class);
        } catch (IOException e) {
            return List.of("not in the agreed shape: " + e.getMessage());
        }
        if (file.criteriaSet() == null || !set.id().equals(file.criteriaSet().id())
                || !set.version().equals(file.criteriaSet().version())) {
            problems.add("criteriaSet must name " + set.id() + " " + set.version());
        }
        List<TrainingCase> cases = file.cases() == null ? List.of() : file.cases();
        if (cases.size() < 20) {
            problems.add(cases.size() + " cases; at least 20 are wanted");
        }
        Set<String> titles = new HashSet<>();
        Set<String> groupsMet = new HashSet<>();
        Set<String> alternatives = new HashSet<>();
        Set<String> reasonGroups = new HashSet<>();
        boolean overriddenToNotQualifying = false;
        boolean overriddenToQualifying = false;
        for (int i = 0; i < cases.size(); i++) {
            TrainingCase c = cases.get(i);
            String where = "case " + (i + 1) + " '" + (c.title() == null ? "" : c.title()) + "'";
            if (blank(c.title())) {
                problems.add(where + " has no title");
            } else if (!titles.add(c.title())) {
                problems.add(where + ": the title is used twice");
            }
            if (blank(c.notes())) {
                problems.add(where + " has no notes");
            } else {
                if (NHS_NUMBER.matcher(c.notes()).find()) {
                    problems.add(where + ": notes look like they hold an NHS number");
                }
                if (DATE.matcher(c.notes()).find() || BIRTH.matcher(c.notes()).find()) {
                    problems.add(where + ": notes hold a date or an identifier; say 'day 3', not a date");
                }
            }
            if (c.ageBand() != null && !AGE_BANDS.contains(c.ageBand())) {
                problems.add(where + ": age band '" + c.ageBand() + "' is not one of " + AGE_BANDS);
            }
            if (c.sex() != null && !SEXES.contains(c.sex())) {
                problems.add(where + ": sex '" + c.sex() + "' is not one of " + SEXES);
            }
            if (c.daysSinceAdmission() != null && c.daysSinceAdmission() < 0) {
                problems.add(where + ": days since admission cannot be negative");
            }
            Reference r = c.reference();
            if (r == null) {
                problems.add(where + " has no reference answer");
                continue;
            }
            List<String> met = r.criteriaMet() == null ? List.of() : r.criteriaMet();
            List<String> reasons = r.reasons() == null ? List.of() : r.reasons();
            ReviewContent content = ReviewRules.content(met, r.override() == null ? null : r.override().outcome(),
                    r.override() == null ? null : r.override().reason(), r.alternative(), reasons);
            try {
                ReviewRules.check(content, set);
            } catch (DomainException e) {
                problems.add(where + ": " + e.field() + ": " + e.getMessage());
                continue;
            }
            if (r.override() != null && r.override().outcome() == null) {
                problems.add(where + ": an override needs its outcome");
            }
            Outcome outcome = content.outcome();
            if (outcome == Outcome.DOES_NOT_QUALIFY && reasons.isEmpty()) {
                problems.add(where + ": a reference that does not qualify needs at least one reason");
            }
            if (content.overrideOutcome() == Outcome.DOES_NOT_QUALIFY) {
                overriddenToNotQualifying = true;
            } else if (content.overrideOutcome() == Outcome.QUALIFIES) {
                overriddenToQualifying = true;
            }
            for (CriteriaFile.Group group : set.groups()) {
                if (group.criteria().stream().anyMatch(criterion -> met.contains(criterion.code()))) {
                    groupsMet.add(group.code());
                }
            }
            if (content.alternative() != null) {
                alternatives.add(content.alternative());
            }
            for (CriteriaFile.Reason reason : set.reasons()) {
                if (reasons.contains(reason.code())) {
                    reasonGroups.add(reason.group());
                }
            }
        }
        for (CriteriaFile.Group group : set.groups()) {
            if (!groupsMet.contains(group.code())) {
                problems.add("no case meets a criterion of group " + group.code());
            }
        }
        for (CriteriaFile.Alternative alternative : set.alternatives()) {
            if (!alternatives.contains(alternative.code())) {
                problems.add("no case has the alternative " + alternative.code());
            }
        }
        Set<String> allReasonGroups = set.reasons().stream().map(CriteriaFile.Reason::group)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String group : allReasonGroups) {
            if (!reasonGroups.contains(group)) {
                problems.add("no case has a reason of group " + group);
            }
        }
        if (!overriddenToNotQualifying) {
            problems.add("no case where the criteria are met but the panel says it does not qualify");
        }
        if (!overriddenToQualifying) {
            problems.add("no case where no criterion is met but the panel says it qualifies");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
