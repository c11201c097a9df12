package org.bestplace.results;

import java.util.List;
import org.bestplace.audit.Audit;

/**
 * Tables another feature of the results layer adds to every export of an audit (the action
 * register adds {@code actions}); a CDI bean implements it, so exports need not know that feature.
 * In publication mode a table carries no free text. {@link #schemas} describes the tables for the
 * export's {@code dictionary} and data package; a table left undescribed is listed as text.
 */
public interface AuditExportTables {

    List<ExportTable> tables(Audit audit, boolean publication);

    /**
     * The same, for a caller who (as a reviewer while the audit collects) sees only the days whose
     * debrief has opened; a table of figures over the days leaves the others out.
     */
    default List<ExportTable> tables(Audit audit, boolean publication, boolean openedDaysOnly) {
        return tables(audit, publication);
    }

    default List<ExportSchema> schemas(boolean publication) {
        return List.of();
    }
}
