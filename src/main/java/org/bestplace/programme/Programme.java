package org.bestplace.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.database.NumberedEntity;
import org.bestplace.web.DomainException;

/** Audits of many hospitals on one criteria set, read together (for example a region's census in one month). */
@Entity
@Table(name = "programme")
public class Programme extends NumberedEntity {

    public static final int TITLE_LENGTH = 300;

    @Column(nullable = false, length = TITLE_LENGTH)
    public String title;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "programme_audit", joinColumns = @JoinColumn(name = "programme_id"),
            inverseJoinColumns = @JoinColumn(name = "audit_id"))
    @OrderBy("id")
    public List<Audit> audits = new ArrayList<>();

    protected Programme() {
    }

    /**
     * A programme of these audits. They must share one criteria set (by its id; versions may differ),
     * since the pooled figures add up patients judged against the same criteria and the same places.
     */
    public Programme(String title, List<Audit> audits, String createdBy, Instant now) {
        change(title, audits);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /**
     * Gives it this title and these audits, checked as when it is made (a title of at most
     * {@value #TITLE_LENGTH} characters, at least one audit, one criteria set); refused, nothing changes.
     */
    void change(String title, List<Audit> audits) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty()) {
            throw DomainException.invalid("title", "Give the programme a title.");
        }
        if (stripped.codePointCount(0, stripped.length()) > TITLE_LENGTH) {
            throw DomainException.invalid("title", "A programme's title is at most " + TITLE_LENGTH + " characters.");
        }
        if (audits.isEmpty()) {
            throw DomainException.invalid("auditIds", "Choose at least one audit for the programme.");
        }
        String setId = audits.get(0).criteriaSet.setId;
        for (Audit audit : audits) {
            if (!audit.criteriaSet.setId.equals(setId)) {
                throw DomainException.invalid("auditIds", "The audits of a programme use one criteria set: audit "
                        + audits.get(0).id + " uses " + setId + ", audit " + audit.id + " uses "
                        + audit.criteriaSet.setId + ".");
            }
        }
        this.title = stripped;
        this.audits.clear();
        this.audits.addAll(audits.stream().sorted(java.util.Comparator.comparing(a -> a.id)).toList());
    }

    /** The criteria set its audits share. */
    public String criteriaSetId() {
        return audits.isEmpty() ? null : audits.get(0).criteriaSet.setId;
    }

    public static List<Programme> all() {
        return list("order by id");
    }

    /** The programmes holding this audit. */
    public static List<Programme> holding(Audit audit) {
        return list("select p from Programme p join p.audits a where a = ?1 order by p.id", audit);
    }
}
