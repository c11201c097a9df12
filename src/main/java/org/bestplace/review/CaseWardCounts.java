package org.bestplace.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditPages;
import org.bestplace.audit.WardCounts;

/** Counts an audit home page's ward progress from the cases and the day's reviews, in one query. */
@ApplicationScoped
public class CaseWardCounts implements WardCounts {

    @Override
    public List<AuditPages.WardProgress> on(Audit audit, LocalDate day) {
        Instant dayStart = audit.startOf(day);
        Instant dayEnd = audit.startOf(day.plusDays(1));
        // Only the cases registered or reviewed that day, each with its submitted reviews of the day.
        List<Object[]> rows = PatientCase.getEntityManager().createQuery("select c.id, c.ward, c.createdAt,"
                + " sum(case when r.submitted = true then 1 else 0 end) from PatientCase c"
                + " left join Review r on r.patientCase = c and r.reviewDate = :date where c.audit = :audit"
                + " and c.withdrawnAt is null and (r.id is not null or c.createdAt >= :dayStart and c.createdAt < :dayEnd)"
                + " group by c.id, c.ward, c.createdAt", Object[].class)
                .setParameter("audit", audit).setParameter("date", day)
                .setParameter("dayStart", dayStart).setParameter("dayEnd", dayEnd).getResultList();
        Map<String, long[]> byWard = new HashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            Instant created = (Instant) row[2];
            long submitted = row[3] == null ? 0 : ((Number) row[3]).longValue();
            long[] counts = byWard.computeIfAbsent((String) row[1], w -> new long[3]);
            if (!created.isBefore(dayStart) && created.isBefore(dayEnd)) {
                counts[0]++;
            }
            if (submitted > 0) {
                counts[1]++;
            }
            // The sample for a second review is a hash of the case id, so it is decided here, not in SQL.
            if (submitted == 1 && DualReview.isSelected(id, audit.dualReviewRate)) {
                counts[2]++;
            }
        }
        return audit.wards.stream().map(ward -> {
            long[] counts = byWard.getOrDefault(ward, new long[3]);
            return new AuditPages.WardProgress(ward, ReviewPages.wardPath(audit.id, ward), counts[0], counts[1],
                    counts[2]);
        }).toList();
    }
}
