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
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
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
        checkName("id", id, MAX_ID, problems);
        checkName("version", version, MAX_VERSION, problems);
        if (blank(title)) {
            problems.add("missing title");
        } else if (title.length() > MAX_TITLE) {
            problems.add("title is " + title.length() + " characters long; at most " + MAX_TITLE + " are allowed");
        }
        Map<String, Integer> uses = new HashMap<>();
        checkEach(groups, "no groups of criteria", g -> "group " + g, problems, (group, place) -> {
            String label = blank(group.code()) ? place : "group " + group.code();
            checkCode(group.code(), label, problems, uses);
            if (blank(group.title())) {
                problems.add(label + " has no title");
            }
            checkEach(group.criteria(), label + " has no criteria", c -> "criterion " + c + " of " + label, problems,
                    (criterion, where) -> {
                        checkCode(criterion.code(), where, problems, uses);
                        if (blank(criterion.text())) {
                            problems.add(where + " has no text");
                        }
                    });
        });
        checkEach(alternatives, "no alternatives (places of care)", a -> "alternative " + a, problems,
                (alternative, where) -> {
                    checkCode(alternative.code(), where, problems, uses);
                    if (blank(alternative.title())) {
                        problems.add(where + " has no title");
                    }
                });
        checkEach(reasons, "no reasons for delay", r -> "reason " + r, problems, (reason, where) -> {
            checkCode(reason.code(), where, problems, uses);
            if (blank(reason.title())) {
                problems.add(where + " has no title");
            }
            if (blank(reason.group())) {
                problems.add(where + " has no group");
            }
        });
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

    /** The set's id and version name it in URLs and file names: required, plain characters, column-sized. */
    private static void checkName(String field, String value, int max, List<String> problems) {
        if (blank(value)) {
            problems.add("missing " + field);
        } else if (!SET_ID.matcher(value).matches()) {
            problems.add(field + " '" + value + "' may only hold letters, digits, '.', '_' and '-'");
        } else if (value.length() > max) {
            problems.add(field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }

    /**
     * Checks each entry of one of the file's lists, named by its place (counted from 1); a list
     * that is missing or empty, and an entry left empty, are problems of their own.
     */
    private static <T> void checkEach(List<T> entries, String ifNone, IntFunction<String> place,
            List<String> problems, BiConsumer<T, String> check) {
        if (entries == null || entries.isEmpty()) {
            problems.add(ifNone);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            if (entry == null) {
                problems.add(place.apply(i + 1) + " is empty");
            } else {
                check.accept(entry, place.apply(i + 1));
            }
        }
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
