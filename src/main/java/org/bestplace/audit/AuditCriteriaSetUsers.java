package org.bestplace.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.criteria.CriteriaSetUsers;

/** Tells criteria which audit, if any, uses a criteria set. */
@ApplicationScoped
public class AuditCriteriaSetUsers implements CriteriaSetUsers {

    @Override
    public Optional<AuditUsing> firstAuditUsing(CriteriaSet set) {
        return Audit.usingCriteriaSet(set).stream().findFirst().map(a -> new AuditUsing(a.id, a.title));
    }
}
