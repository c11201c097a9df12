package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.results.AuditExportTables;
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
