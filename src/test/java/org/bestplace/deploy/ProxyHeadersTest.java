package org.bestplace.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every proxy configuration the project ships (nginx blocks in the deploy folder, its READMEs,
 * the docs and the README) sets X-Forwarded-For to the address that connected to the proxy.
 * nginx's {@code $proxy_add_x_forwarded_for} keeps whatever the client sent in front of it, so a
 * client could write any address it liked into the activity log.
 */
class ProxyHeadersTest {

    private static final Pattern FORWARDED_FOR = Pattern.compile("proxy_set_header\\s+X-Forwarded-For\\s+([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    /** Any header, under whatever name, filled from what the client sent. */
    private static final Pattern PASSES_ON = Pattern.compile(
            "proxy_set_header\\s+\\S+\\s+[^;]*\\$(proxy_add_x_forwarded_for|http_x_forwarded_for)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyShippedProxySetsTheForwardedAddressFromTheConnection() throws IOException {
        List<String> settings = new ArrayList<>();
        List<String> appending = new ArrayList<>();
        for (Path file : shippedFiles()) {
            String text = Files.readString(file);
            Matcher setting = FORWARDED_FOR.matcher(text);
            while (setting.find()) {
                settings.add(file + ": " + setting.group(1));
            }
            Matcher passing = PASSES_ON.matcher(text);
            while (passing.find()) {
                appending.add(file + ": " + passing.group());
            }
        }
        assertTrue(settings.size() >= 2, "the VM guide and the failover test both configure nginx: " + settings);
        assertEquals(List.of(), settings.stream().filter(s -> !s.endsWith(": $remote_addr")).toList(),
                "X-Forwarded-For is $remote_addr");
        assertEquals(List.of(), appending, "no configuration passes on what the client sent");
    }

    private static List<Path> shippedFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("deploy", "docs", "bench")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(md|conf|template|yaml|cfg|sh)$")
                                || !f.getFileName().toString().contains("."))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
