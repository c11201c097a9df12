package org.bestplace.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;

/**
 * A consensus criteria set as written in its YAML file: the source of truth for what a
 * reviewer scores against. {@link #problems()} lists everything wrong with a file at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CriteriaFile(
        String id,
        String version,
        String title,
        String population,
        String description,
        Consensus consensus,
        List<Group> groups,
        List<Alternative> alternatives,
        List<Reason> reasons) {

    public record Consensus(String status, String statement, List<Signatory> ratifiedBy, String ratifiedOn) {
    }

    public record Signatory(Sector sector, String role) {
    }

    public record Group(String code, String title, List<Criterion> criteria) {
    }

    public record Criterion(String code, String text, String guidance) {
    }

    public record Alternative(String code, String title, String description) {
    }

    public record Reason(String code, String title, String group) {
    }

    static final Pattern CODE = Pattern.compile("[A-Z0-9_-]+");
    /** The columns' lengths (criteria_set, and the review tables that keep codes). */
    static final int MAX_ID = 100;
    static final int MAX_VERSION = 40;
    static final int MAX_TITLE = 300;
    static final int MAX_CODE = 40;
    static final Pattern SET_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Sorted keys and no insignificant whitespace: the form the content hash is taken over. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Reads a YAML file; a file that is not YAML of this shape is refused with where it went wrong. */
    public static CriteriaFile parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw DomainException.invalid("The criteria file is empty.", List.of("the file is empty"));
        }
        try {
            CriteriaFile file = YAML.readValue(yaml, CriteriaFile.class);
            if (file == null) {
                throw DomainException.invalid("The criteria file is empty.", List.of("the file is empty"));
            }
            return file;
        } catch (UnrecognizedPropertyException e) {
            String problem = "unknown key '" + e.getPropertyName() + "'" + where(e);
            throw DomainException.invalid("The criteria file has a key this service does not know.", List.of(problem));
        } catch (JsonProcessingException e) {
            String problem = "not valid criteria YAML" + where(e) + ": " + e.getOriginalMessage();
            throw DomainException.invalid("The criteria file is not valid YAML.", List.of(problem));
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** Every problem with this set, in file order; empty when it may be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(id)) {
            problems.add("missing id");
        } else if (!SET_ID.matcher(id).matches()) {
            problems.add("id '" + id + "' may only hold letters, digits, '.', '_' and '-'");
        } else if (id.length() > MAX_ID) {
            problems.add("id is " + id.length() + " characters long; at most " + MAX_ID + " are allowed");
        }
        if (blank(version)) {
            problems.add("missing version");
        } else if (!SET_ID.matcher(version).matches()) {
            problems.add("version '" + version + "' may only hold letters, digits, '.', '_' and '-'");
        } else if (version.length() > MAX_VERSION) {
            problems.add("version is " + version.length() + " characters long; at most " + MAX_VERSION
                    + " are allowed");
        }
        if (blank(title)) {
            problems.add("missing title");
        } else if (title.length() > MAX_TITLE) {
            problems.add("title is " + title.length() + " characters long; at most " + MAX_TITLE + " are allowed");
        }
        Map<String, Integer> uses = new HashMap<>();
        if (groups == null || groups.isEmpty()) {
            problems.add("no groups of criteria");
        } else {
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                String label = group == null || blank(group.code()) ? "group " + (g + 1) : "group " + group.code();
                if (group == null) {
                    problems.add(label + " is empty");
                    continue;
                }
                checkCode(group.code(), label, problems, uses);
                if (blank(group.title())) {
                    problems.add(label + " has no title");
                }
                if (group.criteria() == null || group.criteria().isEmpty()) {
                    problems.add(label + " has no criteria");
                    continue;
                }
                for (int c = 0; c < group.criteria().size(); c++) {
                    Criterion criterion = group.criteria().get(c);
                    String where = "criterion " + (c + 1) + " of " + label;
                    if (criterion == null) {
                        problems.add(where + " is empty");
                        continue;
                    }
                    checkCode(criterion.code(), where, problems, uses);
                    if (blank(criterion.text())) {
                        problems.add(where + " has no text");
                    }
                }
            }
        }
        if (alternatives == null || alternatives.isEmpty()) {
            problems.add("no alternatives (places of care)");
        } else {
            for (int a = 0; a < alternatives.size(); a++) {
                Alternative alternative = alternatives.get(a);
                String where = "alternative " + (a + 1);
                if (alternative == null) {
                    problems.add(where + " is empty");
                    continue;
                }
                checkCode(alternative.code(), where, problems, uses);
                if (blank(alternative.title())) {
                    problems.add(where + " has no title");
                }
            }
        }
        if (reasons == null || reasons.isEmpty()) {
            problems.add("no reasons for delay");
        } else {
            for (int r = 0; r < reasons.size(); r++) {
                Reason reason = reasons.get(r);
                String where = "reason " + (r + 1);
                if (reason == null) {
                    problems.add(where + " is empty");
                    continue;
                }
                checkCode(reason.code(), where, problems, uses);
                if (blank(reason.title())) {
                    problems.add(where + " has no title");
                }
                if (blank(reason.group())) {
                    problems.add(where + " has no group");
                }
            }
        }
        uses.forEach((code, count) -> {
            if (count > 1) {
                problems.add("code '" + code + "' is used " + count + " times; codes must be unique in a set");
            }
        });
        if (consensus != null && consensus.status() != null
                && !List.of("DRAFT", "RATIFIED").contains(consensus.status())) {
            problems.add("consensus status must be DRAFT or RATIFIED, not '" + consensus.status() + "'");
        }
        return problems;
    }

    private static void checkCode(String code, String where, List<String> problems, Map<String, Integer> uses) {
        if (blank(code)) {
            problems.add(where + " has no code");
            return;
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(where + ": code '" + code + "' may only hold A-Z, 0-9, '_' and '-'");
        } else if (code.length() > MAX_CODE) {
            problems.add(where + ": code is " + code.length() + " characters long; at most " + MAX_CODE
                    + " are allowed");
        }
        uses.merge(code, 1, Integer::sum);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** SHA-256 over the parsed content, so comments and layout do not change a set's identity. */
    public String contentHash() {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash a criteria set", e);
        }
    }

    /** True when the file itself records sign-off by all three sectors. */
    public boolean shipsRatified() {
        return consensus != null && "RATIFIED".equals(consensus.status()) && consensus.ratifiedBy() != null
                && consensus.ratifiedBy().stream().map(Signatory::sector).distinct().count() == Sector.values().length;
    }

    public Stream<Criterion> criteria() {
        return groups == null ? Stream.empty() : groups.stream().flatMap(g -> g.criteria().stream());
    }

    public Optional<Criterion> criterion(String code) {
        return criteria().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean hasAlternative(String code) {
        return alternatives.stream().anyMatch(a -> a.code().equals(code));
    }

    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
