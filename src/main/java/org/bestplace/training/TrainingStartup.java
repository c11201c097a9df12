package org.bestplace.training;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bestplace.BestplaceConfig;
import org.bestplace.web.DomainException;
import org.jboss.logging.Logger;

/**
 * Loads the training files of the criteria folder ({@code <name>.training.yaml}, beside the
 * criteria files) once the criteria sets are loaded. A file that breaks a rule stops the start,
 * as a refused criteria file does.
 */
@ApplicationScoped
public class TrainingStartup {

    private static final Logger LOG = Logger.getLogger(TrainingStartup.class);

    public static final String SUFFIX = ".training.yaml";

    @Inject
    TrainingService training;

    @Inject
    BestplaceConfig config;

    void onStart(@Observes @Priority(11) StartupEvent event) {
        long started = System.nanoTime();
        loadDirectory(Path.of(config.criteriaDir()));
        LOG.debugf("Training files checked in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    public void loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the criteria folder " + directory, e);
        }
        for (Path path : files) {
            String source = path.getFileName().toString();
            try {
                TrainingFile file = TrainingFile.parse(Files.readString(path, StandardCharsets.UTF_8), source);
                int added = training.importFile(file, source);
                LOG.infof("Training file %s: %d new case(s) of %d", source, added, file.cases().size());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read training file " + path, e);
            } catch (DomainException e) {
                throw new IllegalStateException("Training file " + path + " cannot be loaded: " + e.getMessage());
            }
        }
    }
}
