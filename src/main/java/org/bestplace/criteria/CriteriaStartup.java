package org.bestplace.criteria;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.bestplace.BestplaceConfig;
import org.jboss.logging.Logger;

/** Loads the criteria folder when the service starts; a refused file stops the start. */
@ApplicationScoped
public class CriteriaStartup {

    @Inject
    CriteriaService criteria;

    @Inject
    BestplaceConfig config;

    private static final Logger LOG = Logger.getLogger(CriteriaStartup.class);

    void onStart(@Observes @Priority(10) StartupEvent event) {
        long started = System.nanoTime();
        criteria.loadDirectory(Path.of(config.criteriaDir()));
        LOG.debugf("Criteria folder checked against the stored sets in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
