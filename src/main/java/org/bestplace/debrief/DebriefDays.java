package org.bestplace.debrief;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.bestplace.audit.Audit;
import org.bestplace.database.Sql;
import org.bestplace.review.DebriefedDays;

/** Tells review which days have a debrief, and which are signed off, from the debriefs themselves. */
@ApplicationScoped
public class DebriefDays implements DebriefedDays {

    @Override
    public boolean opened(Audit audit, LocalDate day) {
        return Debrief.of(audit, day).isPresent();
    }

    @Override
    public boolean signedOff(Audit audit, LocalDate day) {
        return Debrief.isLocked(audit, day);
    }

    @Override
    public String signedOffCondition() {
        return Sql.load("debrief/signed-off-day").strip();
    }
}
