package org.bestplace;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core, the accessibility engine, injected into a page under test. The package comes from
 * the npm registry (npm pack) into target/, once per build.
 */
public final class Axe {

    static final String VERSION = "4.14.1";
    static final Path HOME = Path.of("target", "axe");

    private Axe() {
    }

    static synchronized Path script() {
        Path script = HOME.resolve("package").resolve("axe.min.js");
        if (Files.exists(script)) {
            return script;
        }
        try {
            Files.createDirectories(HOME);
            run(HOME, "npm", "pack", "axe-core@" + VERSION, "--silent");
            run(HOME, "tar", "-xzf", "axe-core-" + VERSION + ".tgz");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("axe-core could not be fetched with npm", e);
        }
        return script;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        // Never share the test JVM's streams: its stdin and stdout carry the test runner's own
        // messages, and a child that reads or writes them breaks the run.
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("fetch.log").toFile()))
                .start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed; see " + dir.resolve("fetch.log"));
        }
    }

    /** The serious and critical WCAG 2.1 A/AA violations on the page, as "rule: first target" lines. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(script()));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                () => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})
                  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                      target: v.nodes.length ? String(v.nodes[0].target) : ''})))""");
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("target"))
                .toList();
    }
}
