package org.bestplace.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts each table in the shape its {@link ExportSchema} gives before the format's writer sees it:
 * the title beside each code that has a {@code <code>_title} column (the case rows' outcome and
 * place, the long tables' criterion and reason), and, for the typed formats, numbers only in
 * numeric columns (see {@link ExportSchema#typed}). Rows pass one at a time, so streamed tables
 * stay streamed.
 */
final class SchemaWriter implements ExportWriter {

    /** A proportion, for writers that format one as a percentage. */
    record Percent(double value) {
    }

    private enum Kind {
        VALUE, NUMBER, TITLE, SUPPRESSED, NOTE
    }

    private record Op(int source, Kind kind, ExportColumn.CodeList codes, boolean percent, boolean flagged,
            boolean noted) {
    }

    private final ExportWriter out;
    private final Map<String, ExportSchema> schemas;
    private final boolean typed;
    private final boolean publication;
    private List<Op> ops;

    SchemaWriter(ExportWriter out, Map<String, ExportSchema> schemas, boolean typed, boolean publication) {
        this.out = out;
        this.schemas = schemas;
        this.typed = typed;
        this.publication = publication;
    }

    @Override
    public void begin(String table, List<String> header) throws IOException {
        ExportSchema schema = schemas.get(table);
        ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            ExportColumn column = schema == null ? null : schema.column(name);
            boolean number = typed && column != null && column.numeric();
            boolean flagged = number && publication && column.hideable();
            boolean noted = number && column.explained();
            ops.add(new Op(i, number ? Kind.NUMBER : Kind.VALUE, null, number && column.percent(), flagged, noted));
            names.add(name);
            if (flagged) {
                ops.add(new Op(i, Kind.SUPPRESSED, null, false, false, false));
                names.add(ExportSchema.suppressedFlag(name));
            }
            if (noted) {
                ops.add(new Op(i, Kind.NOTE, null, false, false, false));
                names.add(ExportSchema.note(name));
            }
            String title = name + "_title";
            if (column != null && column.codes() != null && schema.column(title) != null && !header.contains(title)) {
                ops.add(new Op(i, Kind.TITLE, column.codes(), false, false, false));
                names.add(title);
            }
        }
        out.begin(table, names);
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        List<Object> shaped = new ArrayList<>(ops.size());
        for (Op op : ops) {
            Object cell = op.source() < cells.size() ? cells.get(op.source()) : null;
            boolean hidden = Suppression.HIDDEN.equals(cell);
            shaped.add(switch (op.kind()) {
                case VALUE -> cell;
                case NUMBER -> number(op, cell, hidden);
                case SUPPRESSED -> hidden ? "yes" : "no";
                case NOTE -> cell instanceof String words && !hidden ? words : null;
                case TITLE -> cell == null ? null : op.codes().title(cell.toString());
            });
        }
        out.row(shaped);
    }

    /** A figure stays; a hidden one or a reason moves to its companion column, if it has one. */
    private static Object number(Op op, Object cell, boolean hidden) {
        if (cell instanceof Double d) {
            return op.percent() ? new Percent(d) : d;
        }
        if (cell instanceof String && (hidden ? op.flagged() : op.noted())) {
            return null;
        }
        return cell;
    }

    @Override
    public void end() throws IOException {
        out.end();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
