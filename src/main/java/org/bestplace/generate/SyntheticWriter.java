package org.bestplace.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Batched JDBC inserts for the generator. Each table names every column it writes and every
 * column it leaves to the database (ids from AUTO_INCREMENT, defaults, generated columns), so
 * {@code SyntheticWriterSchemaTest} can hold the lists against the migrated schema: a migration
 * the writer does not follow fails the test suite. Ids come back as generated keys.
 */
final class SyntheticWriter implements AutoCloseable {

    /** One table the generator writes: the columns it binds, in order, and those it leaves alone. */
    record Table(String name, List<String> written, List<String> leftToDatabase) {
        String insert() {
            return "insert into " + name + " (" + String.join(", ", written) + ") values ("
                    + String.join(", ", Collections.nCopies(written.size(), "?")) + ")";
        }
    }

    static final Table AUDIT = new Table("audit", List.of("title", "question", "site", "start_date", "end_date",
            "criteria_set_id", "criteria_hash", "dual_review_rate", "status", "next_case_number", "created_by",
            "created_at", "version"), List.of("id", "time_zone", "repeats_audit_id", "lock_count"));
    static final Table AUDIT_WARD = new Table("audit_ward", List.of("audit_id", "ward"), List.of());
    static final Table MEMBER = new Table("audit_member", List.of("audit_id", "user_id", "role", "sector",
            "added_by", "added_at"), List.of("id"));
    static final Table CASE = new Table("patient_case", List.of("audit_id", "case_number", "ward", "specialty",
            "age_band", "sex", "admission_date", "created_by", "created_at"), List.of("id", "local_id_hash",
            "specialty_note", "client_id", "withdrawn_at", "withdrawn_by", "withdrawal_reason", "lock_count"));
    static final Table REVIEW = new Table("review", List.of("id", "audit_id", "case_id", "reviewer_id",
            "reviewer_sector", "review_date", "outcome", "alternative", "flagged", "submitted", "submitted_at",
            "created_at", "updated_at", "version", "first_of_day", "ward", "specialty", "age_band", "stay_days"),
            List.of("override_outcome", "override_reason", "note", "stay_band", "withdrawn"));
    static final Table CRITERION = new Table("review_criterion", List.of("review_id", "code"), List.of());
    static final Table REASON = new Table("review_reason", List.of("review_id", "code"), List.of());
    static final Table DEBRIEF = new Table("debrief", List.of("audit_id", "debrief_date", "opened_by", "opened_at",
            "signed_off_by", "signed_off_at", "version"), List.of("id", "notes"));
    static final Table DECISION = new Table("decision", List.of("debrief_id", "case_id", "outcome", "alternative",
            "reason", "decided_by", "decided_at", "version"), List.of("id"));
    static final Table DECISION_HISTORY = new Table("decision_history", List.of("decision_id", "outcome",
            "alternative", "reason", "decided_by", "decided_at"), List.of("id"));
    static final List<Table> TABLES = List.of(AUDIT, AUDIT_WARD, MEMBER, CASE, REVIEW, CRITERION, REASON, DEBRIEF,
            DECISION, DECISION_HISTORY);

    private final Connection connection;
    private final List<PreparedStatement> open = new ArrayList<>();

    SyntheticWriter(Connection connection) {
        this.connection = connection;
    }

    /** A prepared insert into {@code table}, made once and kept for batching. */
    final class Insert {
        private final PreparedStatement statement;
        private final boolean keys;

        private Insert(Table table, boolean keys) throws SQLException {
            this.statement = keys ? connection.prepareStatement(table.insert(), Statement.RETURN_GENERATED_KEYS)
                    : connection.prepareStatement(table.insert());
            this.keys = keys;
            open.add(statement);
        }

        /** Adds one row, its values in the table's column order. */
        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
        }

        /** Writes the rows added so far; returns their generated ids in order, when asked for. */
        List<Long> flush() throws SQLException {
            statement.executeBatch();
            List<Long> ids = new ArrayList<>();
            if (keys) {
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    while (generated.next()) {
                        ids.add(generated.getLong(1));
                    }
                }
            }
            return ids;
        }

        /** Writes one row now and returns its id. */
        long one(Object... values) throws SQLException {
            add(values);
            return flush().get(0);
        }
    }

    Connection connection() {
        return connection;
    }

    Insert into(Table table) throws SQLException {
        return new Insert(table, false);
    }

    Insert withIds(Table table) throws SQLException {
        return new Insert(table, true);
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : open) {
            statement.close();
        }
    }
}
