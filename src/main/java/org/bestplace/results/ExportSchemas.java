package org.bestplace.results;

import static org.bestplace.results.ExportColumn.code;
import static org.bestplace.results.ExportColumn.count;
import static org.bestplace.results.ExportColumn.date;
import static org.bestplace.results.ExportColumn.figure;
import static org.bestplace.results.ExportColumn.integer;
import static org.bestplace.results.ExportColumn.proportion;
import static org.bestplace.results.ExportColumn.text;
import static org.bestplace.results.ExportColumn.yesNo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.results.ExportColumn.Code;
import org.bestplace.results.ExportColumn.CodeList;
import org.bestplace.review.Registration;
import org.bestplace.security.Sector;

/**
 * The tables of the results layer described column by column, and the code lists their values
 * come from: the audit's criteria set (criteria, alternative places, reasons) and the service's own
 * (stay and age bands, sex, sectors, outcomes). Other features describe their own tables
 * ({@link AuditExportTables#schemas}).
 */
final class ExportSchemas {

    static final String CASES = "cases";
    static final String CASE_CRITERIA = "case_criteria";
    static final String CASE_REASONS = "case_reasons";
    static final String DICTIONARY = "dictionary";
    /** The tables of the internal export that stream from the database, in the order they are written. */
    static final List<String> STREAMED = List.of(CASES, CASE_CRITERIA, CASE_REASONS);

    /** The stay bands as the database defines them ({@link StayBands}), each with its title in words. */
    static CodeList stayBands(List<String> labels) {
        return new CodeList("stay_band", "length of stay on the review's day, in days", labels.stream()
                .map(b -> new Code(b, b.endsWith("+") ? b.replace("+", " days or more")
                        : b.replace("-", " to ") + " days", null)).toList());
    }

    static final CodeList AGE_BANDS = new CodeList("age_band", "the patient's age band, in years",
            Registration.AGE_BANDS.stream().map(b -> new Code(b, b.endsWith("+") ? b.replace("+", " years or more")
                    : b.replace("-", " to ") + " years", null)).toList());
    static final CodeList SEXES = new CodeList("sex", "the patient's sex as registered",
            Registration.SEXES.stream().map(s -> new Code(s, s.charAt(0) + s.substring(1).toLowerCase(), null))
                    .toList());
    static final CodeList SECTORS = new CodeList("sector", "the organisation a person works for",
            Arrays.stream(Sector.values()).map(s -> new Code(s.name(), switch (s) {
                case HOSPITAL -> "Hospital trust";
                case COMMUNITY -> "Community and social care";
                case COMMISSIONER -> "Commissioner";
            }, null)).toList());
    private static final Code QUALIFIES = entry("QUALIFIES", "Qualifies: a criterion is met, the patient needs the"
            + " acute bed that day");
    private static final Code DOES_NOT_QUALIFY = entry("DOES_NOT_QUALIFY", "Does not qualify: no criterion is met,"
            + " the patient could be cared for elsewhere that day");
    static final CodeList OUTCOMES = list("outcome", "a review's outcome", QUALIFIES, DOES_NOT_QUALIFY);
    static final CodeList AGREED_OUTCOMES = list("agreed_outcome", "a patient-day's agreed outcome", QUALIFIES,
            DOES_NOT_QUALIFY, entry("UNRESOLVED", "Unresolved: the reviews differ and the debrief has not decided"));
    static final CodeList ENTRIES = list("entry", "what a row of the dictionary describes",
            entry("column", "a column of a table"), entry("code_list", "a list of codes: what it lists"),
            entry("code", "a code of the list before it, with its title"));
    static final CodeList TYPES = list("type", "a column's type, as Frictionless Table Schema names it",
            entry("string", "text"), entry("integer", "a whole number"), entry("number", "a number, a point as decimal"
                    + " separator"), entry("date", "a date, YYYY-MM-DD"), entry("boolean", "yes or no"));

    private ExportSchemas() {
    }

    private static Code entry(String code, String title) {
        return new Code(code, title, null);
    }

    private static CodeList list(String name, String meaning, Code... codes) {
        return new CodeList(name, meaning, List.of(codes));
    }

    static CodeList criteria(CriteriaFile set) {
        List<Code> codes = new ArrayList<>();
        set.groups().forEach(g -> g.criteria().forEach(c -> codes.add(new Code(c.code(), c.text(), g.title()))));
        return new CodeList("criterion", "the criteria of criteria set " + set.id() + " " + set.version()
                + " (a patient qualifies when any is met); meaning: the criterion's group", codes);
    }

    static CodeList alternatives(CriteriaFile set) {
        return new CodeList("alternative", "the places of care a not-qualifying patient could have been in;"
                + " meaning: the place's description",
                set.alternatives().stream().map(a -> new Code(a.code(), a.title(), a.description())).toList());
    }

    static CodeList reasons(CriteriaFile set) {
        return new CodeList("reason", "why a not-qualifying patient was still in hospital; meaning: the"
                + " reason's group", set.reasons().stream().map(r -> new Code(r.code(), r.title(), r.group())).toList());
    }

    /** Every table of this layer, in the order the export writes them, described for the audit's set. */
    static List<ExportSchema> of(CriteriaFile set, List<String> stayBandLabels) {
        CodeList stayBands = stayBands(stayBandLabels);
        CodeList criteria = criteria(set);
        CodeList alternatives = alternatives(set);
        CodeList reasons = reasons(set);
        List<ExportSchema> schemas = new ArrayList<>();
        schemas.add(new ExportSchema("about", "the audit, its agreed question, its criteria set, the mode and rule"
                + " of this export, who exported it and when: one item a row", List.of(
                text("item", "what the row gives").mustBeGiven(), text("value", "its value")), List.of("item")));
        schemas.add(dictionary());
        schemas.add(new ExportSchema("summary", "the audit's headline figures, one measure a row", List.of(
                text("measure", "the figure: reviewed, qualifying, not_qualifying, proportion_not_qualifying and its"
                        + " 95% Wilson interval (ci95_low, ci95_high); the same 'agreed_' after the debriefs;"
                        + " unresolved, decided_at_debrief, reviews_submitted, overrides, override_rate").mustBeGiven(),
                proportion("value", "its value: a count of patient-days or reviews, or a proportion (0 to 1)")),
                List.of("measure")));
        schemas.add(new ExportSchema("by_day", "first reviews by review day", List.of(
                date("date", "the review day").mustBeGiven(),
                count("reviewed", "patient-days reviewed that day (first reviews)"),
                count("not_qualifying", "of them, not qualifying"),
                proportion("proportion", "not_qualifying / reviewed"),
                proportion("ci95_low", "lower end of its 95% Wilson interval"),
                proportion("ci95_high", "upper end of its 95% Wilson interval"),
                yesNo("debrief_signed_off", "whether the day's debrief is signed off")), List.of("date")));
        schemas.add(breakdown("by_ward", "first reviews by ward", text("key", "the ward").mustBeGiven()));
        schemas.add(breakdown("by_specialty", "first reviews by specialty",
                text("key", "the patient's specialty").mustBeGiven()));
        schemas.add(breakdown("by_sector", "first reviews by the reviewer's sector",
                code("key", SECTORS, "the first reviewer's sector").mustBeGiven()));
        schemas.add(breakdown("by_stay_band", "first reviews by length of stay on the day",
                code("key", stayBands, "the stay band").mustBeGiven()));
        schemas.add(breakdown("by_age_band", "first reviews by age band",
                code("key", AGE_BANDS, "the age band").mustBeGiven()));
        schemas.add(new ExportSchema("alternatives", "where the not-qualifying patient-days could have been cared"
                + " for (first reviews); they make up the not-qualifying total", List.of(
                code("code", alternatives, "the alternative place").mustBeGiven(), text("title", "its title"),
                count("count", "not-qualifying patient-days with this place")), List.of("code")));
        schemas.add(new ExportSchema("reasons", "why the not-qualifying patients were still in hospital (first"
                + " reviews); a patient-day may have several, so they make up no total", List.of(
                code("code", reasons, "the reason").mustBeGiven(), text("title", "its title"),
                count("count", "not-qualifying patient-days giving this reason")), List.of("code")));
        schemas.add(new ExportSchema("agreement", "agreement between the two reviews of dual-reviewed patient-days,"
                + " all pairs and by the pair of sectors", List.of(
                text("sectors", "'all', or the two reviewers' sectors").mustBeGiven(),
                count("pairs", "dual-reviewed patient-days"), count("agreed", "pairs with the same outcome"),
                proportion("percent_agreement", "agreed / pairs"),
                figure("kappa", "Cohen's kappa (withheld from publication exports)"),
                figure("ci95_low", "lower end of kappa's 95% interval"),
                figure("ci95_high", "upper end of kappa's 95% interval"),
                figure("pabak", "prevalence- and bias-adjusted kappa, 2 × agreed / pairs − 1").mayBeHidden(),
                figure("fleiss_kappa", "Fleiss' kappa")), List.of("sectors")));
        schemas.add(new ExportSchema("training_agreement", "the team's answers to the criteria set's training"
                + " cases against the panel's reference answers, current round; shown as they are in every mode,"
                + " as the cases are synthetic", List.of(
                text("sector", "'all', or the reviewers' sector").mustBeGiven(),
                integer("round", "the training round"), integer("reviewers", "reviewers in the group"),
                integer("answered", "training cases answered"), integer("agreed", "answers agreeing with the reference"),
                proportion("percent_agreement", "agreed / answered").notHidden(),
                figure("kappa", "Cohen's kappa against the reference"),
                figure("ci95_low", "lower end of kappa's 95% interval"),
                figure("ci95_high", "upper end of kappa's 95% interval"),
                proportion("sensitivity", "share of the reference's not-qualifying cases called not qualifying")
                        .notHidden(),
                proportion("specificity", "share of the reference's qualifying cases called qualifying").notHidden()),
                List.of("sector")));
        List<String> review = List.of("case_number", "review_date", "review_number");
        schemas.add(new ExportSchema(CASES, "one row per submitted review (internal exports only); free-text"
                + " notes and override reasons are never exported", List.of(
                text("case_number", "the audit's case number (not a patient identifier)").mustBeGiven(),
                date("review_date", "the day of care reviewed").mustBeGiven(), text("ward", "the ward"),
                text("specialty", "the patient's specialty"), code("age_band", AGE_BANDS, "the patient's age band"),
                code("sex", SEXES, "the patient's sex"),
                code("stay_band", stayBands, "length of stay on the review's day"),
                integer("review_number", "1 for the patient-day's first review, 2 for a second").mustBeGiven(),
                code("reviewer_sector", SECTORS, "the reviewer's sector"),
                code("outcome", OUTCOMES, "the review's outcome"), text("outcome_title", "the outcome's title"),
                yesNo("overridden", "whether the reviewer overrode what the criteria gave"),
                text("criteria_met", "the criteria met, codes separated by ';' (kept for existing readers: the"
                        + " same codes are one a row in case_criteria)"),
                code("alternative", alternatives, "the alternative place, where the patient does not qualify"),
                text("alternative_title", "the alternative place's title"),
                text("reasons", "the reasons, codes separated by ';' (kept for existing readers: the same codes"
                        + " are one a row in case_reasons)"),
                code("agreed_outcome", AGREED_OUTCOMES, "the patient-day's agreed outcome: the debrief's decision,"
                        + " else the outcome its reviews share, else UNRESOLVED"),
                text("agreed_outcome_title", "the agreed outcome's title")), review));
        schemas.add(new ExportSchema(CASE_CRITERIA, "the criteria each review found met, one row per review and"
                + " criterion (internal exports only)", List.of(
                text("case_number", "the case, as in cases").mustBeGiven(),
                date("review_date", "the day of care, as in cases").mustBeGiven(),
                integer("review_number", "the review, as in cases").mustBeGiven(),
                code("criterion", criteria, "a criterion met").mustBeGiven(),
                text("criterion_title", "the criterion's words")), List.of("case_number", "review_date",
                "review_number", "criterion"), List.of(new ExportSchema.ForeignKey(review, CASES, review))));
        schemas.add(new ExportSchema(CASE_REASONS, "the reasons each review gave, one row per review and reason"
                + " (internal exports only)", List.of(
                text("case_number", "the case, as in cases").mustBeGiven(),
                date("review_date", "the day of care, as in cases").mustBeGiven(),
                integer("review_number", "the review, as in cases").mustBeGiven(),
                code("reason", reasons, "a reason given").mustBeGiven(),
                text("reason_title", "the reason's title")), List.of("case_number", "review_date", "review_number",
                "reason"), List.of(new ExportSchema.ForeignKey(review, CASES, review))));
        return schemas;
    }

    static ExportSchema dictionary() {
        return new ExportSchema(DICTIONARY, "the data dictionary: each table's columns (entry 'column') with their"
                + " type, meaning and code list, then every code with its title (entry 'code')", List.of(
                code("entry", ENTRIES, "what the row describes").mustBeGiven(),
                text("table", "the table (entry 'column')"), text("column", "the column (entry 'column')"),
                code("type", TYPES, "the column's type (entry 'column')"),
                text("code_list", "the code list the column's values come from (entry 'column'), the list described"
                        + " (entry 'code_list') or the code's list (entry 'code')"),
                text("code", "the code (entry 'code')"), text("title", "the code's title (entry 'code')"),
                text("meaning", "what the column holds, what the list lists, or where the code belongs")), List.of());
    }

    private static ExportSchema breakdown(String name, String description, ExportColumn key) {
        return new ExportSchema(name, description, List.of(key,
                count("reviewed", "patient-days reviewed (first reviews)"),
                count("not_qualifying", "of them, not qualifying"),
                proportion("proportion", "not_qualifying / reviewed"),
                proportion("ci95_low", "lower end of its 95% Wilson interval"),
                proportion("ci95_high", "upper end of its 95% Wilson interval")), List.of("key"));
    }
}
