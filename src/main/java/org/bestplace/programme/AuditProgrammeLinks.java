package org.bestplace.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.results.AuditProgrammes;
import org.bestplace.security.User;

/** The programmes holding an audit that its results page's reader reads (see {@link ProgrammeService#holdingReadable}). */
@ApplicationScoped
public class AuditProgrammeLinks implements AuditProgrammes {

    @Inject
    ProgrammeService programmes;

    @Override
    public List<Link> of(Audit audit, User by, boolean admin) {
        return programmes.holdingReadable(audit, by, admin).stream()
                .map(p -> new Link(String.valueOf(p.id), p.title)).toList();
    }
}
