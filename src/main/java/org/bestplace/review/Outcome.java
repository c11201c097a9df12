package org.bestplace.review;

import java.util.Collection;

/** Whether a patient needs an acute hospital bed on the day of care. */
public enum Outcome {
    QUALIFIES,
    DOES_NOT_QUALIFY;

    /**
     * The outcome rule: a patient qualifies when any criterion is met. A reviewer's override,
     * given with a written reason, takes precedence in either direction.
     */
    public static Outcome derive(Collection<String> criteriaMet, Outcome override) {
        if (override != null) {
            return override;
        }
        return fromCriteria(criteriaMet);
    }

    /** What the criteria alone say. */
    public static Outcome fromCriteria(Collection<String> criteriaMet) {
        return criteriaMet == null || criteriaMet.isEmpty() ? DOES_NOT_QUALIFY : QUALIFIES;
    }
}
