package org.bestplace.guide;

/**
 * One step of the method as the guide shows it: what to do, the page that does it, and (for an audit) how far
 * the audit has got with it.
 */
public record GuideStep(int number, String anchor, String title, String advice, String link, String linkText,
        Progress progress, String standing) {

    /** How far an audit has got with a step. NOT_RECORDED: the product does not hold what would show it. */
    public enum Progress {
        DONE("done"), UNDER_WAY("under way"), TO_DO("to do"), NOT_RECORDED("not recorded here");

        private final String words;

        Progress(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String cssClass() {
            return "progress-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
