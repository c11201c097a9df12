package org.bestplace.review;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditStatus;
import org.bestplace.audit.MemberRole;
import org.bestplace.database.Sql;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.hibernate.Session;

/**
 * What a new review needs of its audit, read in one statement ({@code sql/review/audit-for-review.sql})
 * after the case's lock: the audit's state and dates, the criteria content it pinned, whether the
 * case's ward is one of its wards, the caller's places on its team, whether the review's day is
 * signed off, whether the audit requires training, and whether the review's id is already taken.
 */
record AuditForReview(AuditStatus status, LocalDate startDate, LocalDate endDate, String criteriaHash,
        BigDecimal dualReviewRate, boolean hasWard, Map<MemberRole, Sector> places, boolean signedOff,
        boolean trainingRequired, boolean idTaken) {

    /**
     * Empty when there is no such audit. {@code signedOff} and {@code trainingRequired} are the
     * debrief's and training's own conditions on the audit {@code a} ({@link DebriefedDays},
     * {@link ReviewerReadiness}).
     */
    static Optional<AuditForReview> read(long auditId, String ward, User by, LocalDate day, String reviewId,
            String signedOff, String trainingRequired) {
        String sql = Sql.load("review/audit-for-review").replace("{signedOff}", signedOff)
                .replace("{trainingRequired}", trainingRequired);
        return Audit.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(sql)) {
                read.setString(1, ward);
                read.setLong(2, by.id);
                read.setObject(3, day);
                read.setString(4, reviewId);
                read.setLong(5, auditId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Map<MemberRole, Sector> places = new EnumMap<>(MemberRole.class);
                    String listed = row.getString(7);
                    if (listed != null) {
                        for (String place : listed.split(",")) {
                            String[] roleAndSector = place.split(" ");
                            places.put(MemberRole.valueOf(roleAndSector[0]), Sector.valueOf(roleAndSector[1]));
                        }
                    }
                    return Optional.of(new AuditForReview(AuditStatus.valueOf(row.getString(1)),
                            row.getObject(2, LocalDate.class), row.getObject(3, LocalDate.class), row.getString(4),
                            row.getBigDecimal(5), row.getBoolean(6), places, row.getBoolean(8), row.getBoolean(9),
                            row.getBoolean(10)));
                }
            }
        });
    }
}
