package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.results.AuditExportTables;
import org.bestplace.results.ExportColumn;
import org.bestplace.results.ExportSchema;
import org.bestplace.results.ExportTable;

/**
 * The register as the {@code actions} table of every export. The internal export has it in full;
 * the publication export keeps what can be counted and dated (reasons, sector, due date, status,
 * overdue, whether a decision was made) and leaves out the free text (title, finding, owner's name,
 * the decision's words), as it leaves out every note. No export carries the history's notes.
 */
@ApplicationScoped
public class ActionExportTables implements AuditExportTables {

    static final List<String> INTERNAL = List.of("id", "title", "finding", "reason_codes", "owner_sector", "owner",
            "due_date", "status", "overdue", "debrief_date", "decision", "decided_by", "decided_on");
    static final List<String> PUBLICATION = List.of("id", "reason_codes", "owner_sector", "due_date", "status",
            "overdue", "debrief_date", "decided");

    @Inject
    ActionService actions;

    private static final ExportColumn.CodeList STATUSES = new ExportColumn.CodeList("action_status",
            "where an action stands", java.util.Arrays.stream(ActionStatus.values())
                    .map(s -> new ExportColumn.Code(s.name(), s.words(), null)).toList());
    private static final ExportColumn.CodeList SECTORS = new ExportColumn.CodeList("sector",
            "the organisation a person works for", java.util.Arrays.stream(org.bestplace.security.Sector.values())
                    .map(s -> new ExportColumn.Code(s.name(), null, null)).toList());

    @Override
    public List<ExportSchema> schemas(boolean publication) {
        Map<String, ExportColumn> all = new java.util.LinkedHashMap<>();
        for (ExportColumn c : List.of(ExportColumn.text("id", "the action's number").mustBeGiven(),
                ExportColumn.text("title", "what is to be done"),
                ExportColumn.text("finding", "the finding behind it"),
                ExportColumn.text("reason_codes", "the reasons it addresses, codes separated by spaces (see the"
                        + " reason code list)"),
                ExportColumn.code("owner_sector", SECTORS, "the owner's sector"),
                ExportColumn.text("owner", "the owner's name"),
                ExportColumn.date("due_date", "when it is due"),
                ExportColumn.code("status", STATUSES, "where it stands"),
                ExportColumn.yesNo("overdue", "whether it is past its due date and not finished"),
                ExportColumn.date("debrief_date", "the debrief it came from, if any"),
                ExportColumn.text("decision", "the decision recorded on it"),
                ExportColumn.text("decided_by", "who recorded the decision"),
                ExportColumn.date("decided_on", "when"),
                ExportColumn.yesNo("decided", "whether a decision is recorded"))) {
            all.put(c.name(), c);
        }
        List<ExportColumn> columns = (publication ? PUBLICATION : INTERNAL).stream().map(all::get).toList();
        return List.of(new ExportSchema("actions", "the action register: what the audit's findings led to, one"
                + " action a row", columns, List.of("id")));
    }

    @Override
    public List<ExportTable> tables(Audit audit, boolean publication) {
        List<List<Object>> rows = new ArrayList<>();
        for (ActionService.Entry e : actions.forExport(audit)) {
            Action a = e.action();
            Action.Decision d = a.decision().orElse(null);
            String reasons = String.join(" ", a.reasonCodes());
            List<Object> row = new ArrayList<>();
            if (publication) {
                row.addAll(List.of(String.valueOf(a.id), reasons, a.ownerSector.name(), a.dueDate, a.status.name(),
                        e.overdue() ? "yes" : "no"));
                row.add(a.debriefDate());
                row.add(d == null ? "no" : "yes");
            } else {
                row.addAll(List.of(String.valueOf(a.id), a.title, a.finding, reasons, a.ownerSector.name(), a.owner,
                        a.dueDate, a.status.name(), e.overdue() ? "yes" : "no"));
                row.add(a.debriefDate());
                row.add(d == null ? null : d.text());
                row.add(d == null ? null : d.decidedBy());
                row.add(d == null ? null : d.decidedOn());
            }
            rows.add(row);
        }
        return List.of(new ExportTable("actions", publication ? PUBLICATION : INTERNAL, rows));
    }
}
