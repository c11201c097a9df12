package org.bestplace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Takes in everything the service logs while it is open, messages with their parameters and any
 * exception with its causes and stack, so a test can look for what must never be logged.
 * The test's own HTTP client is left out.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler;
    private final Map<Logger, Level> raised = new HashMap<>();
    private final Map<Handler, Level> quietened = new HashMap<>();

    private LogCapture(Level level, List<String> categories) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = record.getLoggerName();
                if (logger != null && (logger.startsWith("org.apache.http") || logger.startsWith("io.restassured"))) {
                    return;
                }
                StringBuilder text = new StringBuilder(record.getMessage() == null ? "" : record.getMessage());
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(' ').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    text.append("\n").append(t);
                    for (StackTraceElement frame : t.getStackTrace()) {
                        text.append("\n\tat ").append(frame);
                    }
                }
                records.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        // The console keeps its usual level while the capture takes in debug messages.
        for (Handler existing : Logger.getLogger("").getHandlers()) {
            quietened.put(existing, existing.getLevel());
            existing.setLevel(Level.INFO);
        }
        for (String name : categories) {
            Logger category = Logger.getLogger(name);
            raised.put(category, category.getLevel());
            category.setLevel(level);
        }
        Logger.getLogger("").addHandler(handler);
    }

    /** Captures at the levels the service is configured for. */
    public static LogCapture start() {
        return new LogCapture(Level.INFO, List.of());
    }

    /** Captures the service's code and the frameworks under it down to debug messages. */
    public static LogCapture verbose() {
        return new LogCapture(Level.FINE, List.of("org.bestplace", "io.quarkus", "org.jboss.resteasy",
                "org.hibernate", "io.vertx", "org.mariadb", "io.agroal", "com.fasterxml", "com.arjuna"));
    }

    /** Every record so far, each with its exception's trace where it had one. */
    public List<String> records() {
        return new ArrayList<>(records);
    }

    /** The records that carry a stack trace. */
    public List<String> withStackTraces() {
        return records.stream().filter(r -> r.contains("\n\tat ")).toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        raised.forEach(Logger::setLevel);
        quietened.forEach(Handler::setLevel);
    }
}
