package org.bestplace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every YAML document under deploy/k8s (or the folder named by -Dbestplace.k8s-dir), parsed. */
final class Manifests {

    final Path dir;
    final List<JsonNode> documents = new ArrayList<>();

    private Manifests(Path dir) {
        this.dir = dir;
    }

    static Manifests read() {
        Manifests manifests = new Manifests(Path.of(System.getProperty("bestplace.k8s-dir", "deploy/k8s")));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(manifests.dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = yaml.getFactory().createParser(file.toFile())) {
                    var values = yaml.readValues(parser, JsonNode.class);
                    while (values.hasNext()) {
                        JsonNode document = values.next();
                        if (document != null && !document.isNull() && !document.isEmpty()) {
                            manifests.documents.add(document);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " under " + dir + ", found " + found.size());
        }
        return found.get(0);
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst()
                .orElse(MissingNode.getInstance());
    }
}
