package org.bestplace.review;

import java.time.LocalDate;
import org.bestplace.audit.Audit;

/**
 * What review needs to know about a day's debrief. The debrief sits above review, so review asks
 * through this interface and the debrief feature answers it.
 */
public interface DebriefedDays {

    /** The chair has opened the day's debrief: a reviewer may then read the other review of a case-day. */
    boolean opened(Audit audit, LocalDate day);

    /** The day's debrief is signed off: its reviews are locked. */
    boolean signedOff(Audit audit, LocalDate day);

    /**
     * The same as an SQL condition on the audit {@code a}, with the day as its one parameter, so a
     * new review reads it with its audit in one statement.
     */
    String signedOffCondition();
}
