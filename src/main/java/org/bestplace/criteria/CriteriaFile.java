package org.bestplace.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;
import org.bestplace.web.Problem;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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

    /**
     * Text stays text: a number or true/false where the format has words is refused, as the
     * published JSON Schema refuses it, instead of being turned into words ({@code 1.10} is not "1.10").
     */
    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Sorted keys and no insignificant whitespace: the form the content hash is taken over. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Reads a YAML file; a file that is not YAML of this shape is refused with where it went wrong. */
    public static CriteriaFile parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw DomainException.invalidFile("The criteria file is empty.", List.of(new Problem.At("the file is empty", null, null)));
        }
        try {
            CriteriaFile file = YAML.readValue(yaml, CriteriaFile.class);
            if (file == null) {
                throw DomainException.invalidFile("The criteria file is empty.", List.of(new Problem.At("the file is empty", null, null)));
            }
            return file;
        } catch (UnrecognizedPropertyException e) {
            throw DomainException.invalidFile("The criteria file has a key this service does not know.",
                    List.of(at("unknown key '" + e.getPropertyName() + "'", e)));
        } catch (MismatchedInputException e) {
            if (e.getTargetType() == String.class && !e.getPath().isEmpty()) {
                String key = e.getPath().get(e.getPath().size() - 1).getFieldName();
                throw DomainException.invalidFile("The criteria file has a number or true/false where words belong.",
                        List.of(at("'" + key + "' must be text: put it in quotes", e)));
            }
            throw DomainException.invalidFile("The criteria file is not valid YAML.",
                    List.of(at("not valid criteria YAML: " + e.getOriginalMessage(), e)));
        } catch (JsonProcessingException e) {
            throw DomainException.invalidFile("The criteria file is not valid YAML.",
                    List.of(at("not valid criteria YAML: " + e.getOriginalMessage(), e)));
        }
    }

    private static Problem.At at(String detail, JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? new Problem.At(detail, null, null)
                : new Problem.At(detail, e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    }

    /** Every problem with this set, in file order; empty when it may be stored. */
    public List<String> problems() {
        return found().stream().map(Found::detail).toList();
    }

    /**
     * Every problem with this set read from {@code yaml}, each at the line and column of the
     * place it is about (for something missing, the entry that lacks it).
     */
    public List<Problem.At> problemsIn(String yaml) {
        List<Found> found = found();
        if (found.isEmpty()) {
            return List.of();
        }
        Node root = compose(yaml);
        return found.stream().map(f -> {
            Node node = nearest(root, f.path());
            return node == null ? new Problem.At(f.detail(), null, null)
                    : new Problem.At(f.detail(), node.getStartMark().getLine() + 1,
                            node.getStartMark().getColumn() + 1);
        }).toList();
    }

    /** One problem, and the path in the file (keys and list places from 0) of what it is about. */
    record Found(String detail, List<Object> path) {
    }

    /** Collects problems with the path of the entry being checked. */
    private static final class Findings {
        final List<Found> found = new ArrayList<>();
        /** Each code's uses, by the path of its use. */
        final Map<String, List<List<Object>>> uses = new LinkedHashMap<>();

        void add(String detail, Object... path) {
            found.add(new Found(detail, List.of(path)));
        }

        void add(String detail, List<Object> path) {
            found.add(new Found(detail, List.copyOf(path)));
        }
    }

    private static List<Object> path(List<Object> base, Object... more) {
        List<Object> path = new ArrayList<>(base);
        path.addAll(List.of(more));
        return path;
    }

    private List<Found> found() {
        Findings problems = new Findings();
        checkName("id", id, MAX_ID, problems);
        checkName("version", version, MAX_VERSION, problems);
        if (blank(title)) {
            problems.add("missing title", "title");
        } else if (title.length() > MAX_TITLE) {
            problems.add("title is " + title.length() + " characters long; at most " + MAX_TITLE + " are allowed",
                    "title");
        }
        checkEach(groups, "groups", "no groups of criteria", g -> "group " + g, problems, (group, place, at) -> {
            String label = blank(group.code()) ? place : "group " + group.code();
            checkCode(group.code(), label, problems, path(at, "code"));
            if (blank(group.title())) {
                problems.add(label + " has no title", path(at, "title"));
            }
            checkEach(group.criteria(), path(at, "criteria"), label + " has no criteria",
                    c -> "criterion " + c + " of " + label, problems, (criterion, where, in) -> {
                        checkCode(criterion.code(), where, problems, path(in, "code"));
                        if (blank(criterion.text())) {
                            problems.add(where + " has no text", path(in, "text"));
                        }
                    });
        });
        checkEach(alternatives, "alternatives", "no alternatives (places of care)", a -> "alternative " + a,
                problems, (alternative, where, at) -> {
                    checkCode(alternative.code(), where, problems, path(at, "code"));
                    if (blank(alternative.title())) {
                        problems.add(where + " has no title", path(at, "title"));
                    }
                });
        checkEach(reasons, "reasons", "no reasons for delay", r -> "reason " + r, problems, (reason, where, at) -> {
            checkCode(reason.code(), where, problems, path(at, "code"));
            if (blank(reason.title())) {
                problems.add(where + " has no title", path(at, "title"));
            }
            if (blank(reason.group())) {
                problems.add(where + " has no group", path(at, "group"));
            }
        });
        problems.uses.forEach((code, places) -> {
            if (places.size() > 1) {
                // placed at the second use: the first is where the code belongs
                problems.add("code '" + code + "' is used " + places.size() + " times; codes must be unique in a set",
                        places.get(1));
            }
        });
        if (consensus != null && consensus.status() != null
                && !List.of("DRAFT", "RATIFIED").contains(consensus.status())) {
            problems.add("consensus status must be DRAFT or RATIFIED, not '" + consensus.status() + "'",
                    "consensus", "status");
        }
        return problems.found;
    }

    /** The set's id and version name it in URLs and file names: required, plain characters, column-sized. */
    private static void checkName(String field, String value, int max, Findings problems) {
        if (blank(value)) {
            problems.add("missing " + field, field);
        } else if (!SET_ID.matcher(value).matches()) {
            problems.add(field + " '" + value + "' may only hold letters, digits, '.', '_' and '-'", field);
        } else if (value.length() > max) {
            problems.add(field + " is " + value.length() + " characters long; at most " + max + " are allowed", field);
        }
    }

    /** Checks one entry of a list: the entry, its name in problems, and its path in the file. */
    private interface EntryCheck<T> {
        void check(T entry, String place, List<Object> path);
    }

    private static <T> void checkEach(List<T> entries, String key, String ifNone, IntFunction<String> place,
            Findings problems, EntryCheck<T> check) {
        checkEach(entries, List.of(key), ifNone, place, problems, check);
    }

    /**
     * Checks each entry of one of the file's lists, named by its place (counted from 1); a list
     * that is missing or empty, and an entry left empty, are problems of their own.
     */
    private static <T> void checkEach(List<T> entries, List<Object> at, String ifNone, IntFunction<String> place,
            Findings problems, EntryCheck<T> check) {
        if (entries == null || entries.isEmpty()) {
            problems.add(ifNone, at);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            if (entry == null) {
                problems.add(place.apply(i + 1) + " is empty", path(at, i));
            } else {
                check.check(entry, place.apply(i + 1), path(at, i));
            }
        }
    }

    private static void checkCode(String code, String where, Findings problems, List<Object> at) {
        if (blank(code)) {
            problems.add(where + " has no code", at);
            return;
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(where + ": code '" + code + "' may only hold A-Z, 0-9, '_' and '-'", at);
        } else if (code.length() > MAX_CODE) {
            problems.add(where + ": code is " + code.length() + " characters long; at most " + MAX_CODE
                    + " are allowed", at);
        }
        problems.uses.computeIfAbsent(code, c -> new ArrayList<>()).add(at);
    }

    /** The file as YAML nodes, which keep their place; none when it cannot be read that way. */
    private static Node compose(String yaml) {
        try {
            return new Yaml().compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The node at {@code path}, or the deepest one on the way there that the file has. */
    private static Node nearest(Node node, List<Object> path) {
        if (node == null) {
            return null;
        }
        for (Object step : path) {
            Node next = null;
            if (step instanceof String key && node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                        next = tuple.getValueNode();
                    }
                }
            } else if (step instanceof Integer index && node instanceof SequenceNode sequence
                    && index < sequence.getValue().size()) {
                next = sequence.getValue().get(index);
            }
            if (next == null) {
                return node;
            }
            node = next;
        }
        return node;
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
