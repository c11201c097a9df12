package org.bestplace.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaSetUsers;

/** Tells criteria which audit, if any, uses a criteria set. */
@ApplicationScoped
public class AuditCriteriaSetUsers implements CriteriaSetUsers {

    @Override
    public Optional<AuditUsing> firstAuditUsing(CriteriaSet set) {
        return Audit.usingCriteriaSet(set).stream().findFirst().map(AuditCriteriaSetUsers::using);
    }

    @Override
    public Map<Long, List<AuditUsing>> auditsUsing(List<CriteriaSet> sets) {
        if (sets.isEmpty()) {
            return Map.of();
        }
        List<Audit> audits = Audit.list("criteriaSet in ?1 order by title, id", sets);
        return audits.stream().collect(Collectors.groupingBy(a -> a.criteriaSet.id, LinkedHashMap::new,
                Collectors.mapping(AuditCriteriaSetUsers::using, Collectors.toList())));
    }

    private static AuditUsing using(Audit audit) {
        return new AuditUsing(audit.id, audit.title, audit.status.name());
    }
}
