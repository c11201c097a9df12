package org.bestplace.results;

import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.security.User;

/**
 * The programmes an audit belongs to that the reader may read, for its results page. Programmes
 * (another feature of this layer, which reads the results) implement it as a CDI bean, so the
 * results need not know them.
 */
public interface AuditProgrammes {

    /** A programme as the results page links it. */
    record Link(String id, String title) {
    }

    List<Link> of(Audit audit, User by, boolean admin);
}
