package org.bestplace.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bestplace.security.Sector;

/**
 * What an audit's team holds that matters before data collection: a chair for the daily
 * debriefs, and reviewers from at least two sectors, without whom no case can have the
 * cross-sector second review that makes the result owned by more than one organisation.
 */
public record AuditTeam(boolean hasChair, Set<Sector> reviewerSectors) {

    /** The rule, in the words the status page and the API's refusal both use. */
    public static final String RULE = "An audit starts collecting only when its team has a chair and reviewers from"
            + " at least two sectors.";

    public AuditTeam {
        reviewerSectors = reviewerSectors.isEmpty() ? EnumSet.noneOf(Sector.class) : EnumSet.copyOf(reviewerSectors);
    }

    public static AuditTeam of(List<Member> members) {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        boolean chair = false;
        for (Member member : members) {
            chair |= member.role == MemberRole.CHAIR;
            if (member.role == MemberRole.REVIEWER) {
                sectors.add(member.sector);
            }
        }
        return new AuditTeam(chair, sectors);
    }

    public boolean readyToCollect() {
        return hasChair && reviewerSectors.size() >= 2;
    }

    /** What the team still lacks, in a sentence; empty when it may start collecting. */
    public Optional<String> missing() {
        if (readyToCollect()) {
            return Optional.empty();
        }
        String oneSector = reviewerSectors.size() == 1 ? reviewerSectors.iterator().next().name() : null;
        if (!hasChair) {
            if (reviewerSectors.isEmpty()) {
                return Optional.of("This audit has no chair and no reviewers yet.");
            }
            return Optional.of(oneSector == null ? "This audit has no chair yet."
                    : "This audit has no chair yet, and its reviewers are all from the " + oneSector + " sector.");
        }
        return Optional.of(reviewerSectors.isEmpty() ? "This audit has no reviewers yet."
                : "This audit's reviewers are all from the " + oneSector + " sector.");
    }

    /** The refusal of a move to COLLECTING: the rule, then what this team lacks. */
    public Optional<String> refusal() {
        return missing().map(m -> RULE + " " + m);
    }
}
