package org.bestplace.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.review.Outcome;
import org.bestplace.web.DomainException;

/**
 * A criteria set's training cases as a YAML file, kept beside the criteria file
 * ({@code <name>.training.yaml}): the shipped cases are loaded from it, and a set's cases are
 * exported in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingFile(SetRef criteriaSet, List<Case> cases) {

    public record SetRef(String id, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Override(Outcome outcome, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(List<String> criteriaMet, Override override, String alternative, List<String> reasons) {

        Answer answer() {
            return new Answer(criteriaMet, override == null ? null : override.outcome(),
                    override == null ? null : override.reason(), alternative, reasons);
        }

        static Reference of(Answer answer) {
            return new Reference(answer.criteriaMet(), answer.overrideOutcome() == null ? null
                    : new Override(answer.overrideOutcome(), answer.overrideReason()), answer.alternative(),
                    answer.reasons());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Case(String title, String notes, String ward, String specialty, String ageBand, String sex,
            Integer daysSinceAdmission, Reference reference) {

        TrainingCaseDraft draft() {
            return new TrainingCaseDraft(title, notes, ward, specialty, ageBand, sex, daysSinceAdmission,
                    reference == null ? null : reference.answer());
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static TrainingFile parse(String yaml, String source) {
        TrainingFile file;
        try {
            file = YAML.readValue(yaml, TrainingFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw DomainException.invalid(null, source + " is not a readable training file" + where + ".");
        }
        if (file == null || file.criteriaSet() == null || file.criteriaSet().id() == null
                || file.criteriaSet().version() == null) {
            throw DomainException.invalid("criteriaSet", source + " does not say which criteria set (id and version)"
                    + " its cases belong to.");
        }
        return new TrainingFile(file.criteriaSet(), file.cases() == null ? List.of() : file.cases());
    }

    static String write(CriteriaSet set, List<TrainingCase> cases) {
        List<Case> rows = cases.stream().map(c -> new Case(c.title, c.notes, c.ward, c.specialty, c.ageBand, c.sex,
                c.daysSinceAdmission, Reference.of(c.reference()))).toList();
        try {
            return YAML.writeValueAsString(new TrainingFile(new SetRef(set.setId, set.version), rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the training cases as YAML", e);
        }
    }
}
