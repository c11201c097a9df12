package org.bestplace.criteria;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.bestplace.BestplaceConfig;

/** Loads the criteria folder when the service starts; a refused file stops the start. */
@ApplicationScoped
public class CriteriaStartup {

    @Inject
    CriteriaService criteria;

    @Inject
    BestplaceConfig config;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        criteria.loadDirectory(Path.of(config.criteriaDir()));
    }
}
