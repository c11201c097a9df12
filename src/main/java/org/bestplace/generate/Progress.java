package org.bestplace.generate;

import java.io.PrintStream;

/** A one-line progress bar on standard error: share done, rows and rate. Silent without a stream. */
final class Progress {
    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long shown = -1;

    Progress(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    void add(long reviews) {
        done += reviews;
        long percent = done * 100 / total;
        if (out != null && percent != shown) {
            shown = percent;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            out.printf("\rgenerating [%-20s] %3d%%  %,d / %,d reviews  %,.0f reviews/s", "#".repeat((int) (percent / 5)),
                    percent, done, total, done / seconds);
            out.flush();
        }
    }

    void done() {
        if (out != null) {
            out.println();
        }
    }
}
