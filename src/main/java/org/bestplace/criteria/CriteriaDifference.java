package org.bestplace.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one version of a criteria set to another, matched by code: a code only in
 * the newer version was added, one only in the older was removed, and one in both whose words
 * differ was reworded. Codes are the stable names reviews keep, so this is what a panel signs.
 */
public record CriteriaDifference(List<Change> changes) {

    public enum Kind {
        ADDED, REMOVED, REWORDED
    }

    /**
     * One change: {@code what} is "group", "criterion", "alternative" or "reason"; {@code before}
     * and {@code after} are its words in each version (none where it is not in that version).
     */
    public record Change(Kind kind, String what, String code, String before, String after) {

        public String kindText() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public long added() {
        return count(Kind.ADDED);
    }

    public long removed() {
        return count(Kind.REMOVED);
    }

    public long reworded() {
        return count(Kind.REWORDED);
    }

    public static CriteriaDifference between(CriteriaFile from, CriteriaFile to) {
        List<Change> changes = new ArrayList<>();
        compare("group", groups(from), groups(to), g -> g.title(), changes);
        compare("criterion", criteria(from), criteria(to), CriteriaDifference::words, changes);
        compare("alternative", list(from.alternatives()), list(to.alternatives()),
                a -> a.title() + (a.description() == null ? "" : " — " + a.description()), changes);
        compare("reason", list(from.reasons()), list(to.reasons()), r -> r.title() + " (" + r.group() + ")",
                changes);
        return new CriteriaDifference(List.copyOf(changes));
    }

    /** A criterion's words: its text, its guidance, and the group it sits in. */
    private static String words(Placed criterion) {
        CriteriaFile.Criterion c = criterion.criterion();
        return c.text() + (c.guidance() == null ? "" : " — Guidance: " + c.guidance()) + " [group "
                + criterion.group() + "]";
    }

    private record Placed(String group, CriteriaFile.Criterion criterion) {
    }

    private static Map<String, CriteriaFile.Group> groups(CriteriaFile file) {
        Map<String, CriteriaFile.Group> byCode = new LinkedHashMap<>();
        for (CriteriaFile.Group group : list(file.groups()).values()) {
            byCode.put(group.code(), group);
        }
        return byCode;
    }

    private static Map<String, Placed> criteria(CriteriaFile file) {
        Map<String, Placed> byCode = new LinkedHashMap<>();
        for (CriteriaFile.Group group : groups(file).values()) {
            for (CriteriaFile.Criterion criterion : group.criteria()) {
                byCode.put(criterion.code(), new Placed(group.code(), criterion));
            }
        }
        return byCode;
    }

    /** Entries by code, in file order. */
    private static <T> Map<String, T> list(List<T> entries) {
        Map<String, T> byCode = new LinkedHashMap<>();
        if (entries != null) {
            for (T entry : entries) {
                byCode.put(code(entry), entry);
            }
        }
        return byCode;
    }

    private static String code(Object entry) {
        if (entry instanceof CriteriaFile.Group g) {
            return g.code();
        } else if (entry instanceof CriteriaFile.Alternative a) {
            return a.code();
        } else if (entry instanceof CriteriaFile.Reason r) {
            return r.code();
        }
        throw new IllegalArgumentException("no code on " + entry);
    }

    private static <T> void compare(String what, Map<String, T> from, Map<String, T> to, Function<T, String> words,
            List<Change> changes) {
        for (Map.Entry<String, T> old : from.entrySet()) {
            T now = to.get(old.getKey());
            String before = words.apply(old.getValue());
            if (now == null) {
                changes.add(new Change(Kind.REMOVED, what, old.getKey(), before, null));
            } else if (!Objects.equals(before, words.apply(now))) {
                changes.add(new Change(Kind.REWORDED, what, old.getKey(), before, words.apply(now)));
            }
        }
        for (Map.Entry<String, T> now : to.entrySet()) {
            if (!from.containsKey(now.getKey())) {
                changes.add(new Change(Kind.ADDED, what, now.getKey(), null, words.apply(now.getValue())));
            }
        }
    }
}
