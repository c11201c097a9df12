package org.bestplace.results;

import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.security.User;

/**
 * For a re-audit: the actions recorded on the earlier audit whose reasons for delay the re-audit
 * can count, each with those reasons' share before (on the earlier audit) and after (on the
 * re-audit). The action register (another feature of this layer) implements it as a CDI bean, so
 * the results need not know the register.
 */
public interface ActionReasonShares {

    List<Reaudits.ActionShare> of(Audit earlier, Audit reaudit, User by, boolean admin);
}
