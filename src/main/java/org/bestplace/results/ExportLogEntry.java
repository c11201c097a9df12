package org.bestplace.results;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.database.NumberedEntity;

/** One export of an audit's results: who, when, which format and mode, from where. Never changed. */
@Entity
@Table(name = "export_log")
public class ExportLogEntry extends NumberedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "audit_id")
    public Audit audit;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(nullable = false, length = 16)
    public String format;

    @Column(nullable = false, length = 16)
    public String mode;

    @Column(name = "exported_at", nullable = false)
    public Instant exportedAt;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    protected ExportLogEntry() {
    }

    ExportLogEntry(Audit audit, String username, String format, String mode, Instant exportedAt,
            String remoteAddress) {
        this.audit = audit;
        this.username = username;
        this.format = format;
        this.mode = mode;
        this.exportedAt = exportedAt;
        this.remoteAddress = remoteAddress;
    }

    public static List<ExportLogEntry> ofAudit(Audit audit) {
        return list("audit = ?1 order by exportedAt desc, id desc", audit);
    }
}
