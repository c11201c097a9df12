package org.bestplace.results;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One long table ({@code case_criteria} or {@code case_reasons}) gathered while the case rows
 * stream: each case row carries its review's codes joined by {@code ;} in code order, so the long
 * table's rows are those codes one a row, in the case rows' order, which is the order its own
 * query (CaseCodeRows) gives. They wait in a temporary file, not in memory, until the export
 * reaches the table, so the audit is read once rather than three times.
 */
final class CaseCodeSpool implements Closeable {

    private final String table;
    private final List<String> header;
    private final Path file;
    private final DataOutputStream out;
    private long rows;

    CaseCodeSpool(String table, String codeColumn) throws IOException {
        this.table = table;
        header = List.of("case_number", "review_date", "review_number", codeColumn);
        file = Files.createTempFile("bestplace-export-" + table, ".bin");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    String table() {
        return table;
    }

    /** The review's rows: one per code of {@code codes} (joined by {@code ;}), none for null. */
    void add(String caseNumber, LocalDate reviewDate, long reviewNumber, String codes) throws IOException {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        int from = 0;
        while (from <= codes.length()) {
            int to = codes.indexOf(';', from);
            if (to < 0) {
                to = codes.length();
            }
            out.writeUTF(caseNumber);
            out.writeLong(reviewDate.toEpochDay());
            out.writeLong(reviewNumber);
            out.writeUTF(codes.substring(from, to));
            rows++;
            from = to + 1;
        }
    }

    /** Writes the gathered rows as the table; returns how many. */
    long write(ExportWriter writer) throws IOException {
        out.close();
        writer.begin(table, header);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
            for (long i = 0; i < rows; i++) {
                writer.row(Arrays.asList(in.readUTF(), LocalDate.ofEpochDay(in.readLong()), in.readLong(),
                        in.readUTF()));
            }
        } catch (EOFException e) {
            throw new IOException("The " + table + " rows kept for the export ended early.", e);
        }
        writer.end();
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
