package org.bestplace.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots free text that looks as if it identifies a patient, so it is refused before it is kept. It
 * looks for three shapes: a number shaped like an NHS number (ten digits, perhaps written 3-3-4), a
 * title followed by a capitalised name, and a full date such as a date of birth. What it found is
 * named by its kind, never quoted: the text itself must not reach a message or a log.
 */
public final class IdentifyingText {

    /** Ten digits with nothing digit-like either side, together or spaced (or dashed) 3-3-4. */
    private static final Pattern NHS_NUMBER = Pattern.compile("(?<![\\d])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![\\d])");

    /** Mr, Mrs, Ms, Miss or Dr as a word of its own, perhaps with a full stop, then a capital. */
    private static final Pattern TITLE_AND_NAME = Pattern.compile(
            "(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+\\p{Lu}[\\p{L}'’-]*");

    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    /**
     * A day, month and year: 12/03/1941, 12.3.41, 12-03-1941, 1941-03-12 or 12 March 1941. A
     * day and month alone (a blood pressure, "2/7") is not a full date.
     */
    private static final Pattern FULL_DATE = Pattern.compile(
            "(?<![\\d/.-])(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2})(?![\\d/.-])"
                    + "|(?<![\\d])\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTHS + "\\.?,?\\s+\\d{4}(?![\\d])",
            Pattern.CASE_INSENSITIVE);

    /** What a text held that looked identifying, in a reviewer's words. */
    public enum Finding {
        NHS_NUMBER("a number shaped like an NHS number"),
        TITLE_AND_NAME("a title followed by a name"),
        FULL_DATE("a full date (a date of birth, say)");

        public final String words;

        Finding(String words) {
            this.words = words;
        }
    }

    private IdentifyingText() {
    }

    /** Every kind of identifying shape the text holds, in a fixed order; empty when none. */
    public static List<Finding> findings(String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        if (NHS_NUMBER.matcher(text).find()) {
            found.add(Finding.NHS_NUMBER);
        }
        if (TITLE_AND_NAME.matcher(text).find()) {
            found.add(Finding.TITLE_AND_NAME);
        }
        if (FULL_DATE.matcher(text).find()) {
            found.add(Finding.FULL_DATE);
        }
        return found;
    }

    /**
     * The message that asks the reviewer to take the identifying part out of a text, naming what
     * was found; empty when the text looks clean. {@code what} names the text ("The note").
     */
    public static Optional<String> refusal(String what, String text) {
        List<Finding> found = findings(text);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = found.stream().map(f -> f.words).toList();
        String listed = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return Optional.of(what + " seems to contain " + listed + ", which could identify the patient;"
                + " take it out, then save again.");
    }
}
