package org.bestplace.criteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.bestplace.database.NumberedEntity;
import org.bestplace.security.Sector;

/** One sector's sign-off of a criteria set. */
@Entity
@Table(name = "criteria_ratification")
public class CriteriaRatification extends NumberedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "criteria_set_id")
    public CriteriaSet criteriaSet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Sector sector;

    @Column(name = "signed_by", nullable = false, length = 200)
    public String signedBy;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    /** The name and role the signatory signed with; none for a sign-off made before they were asked. */
    @Column(name = "signatory_name", length = 200)
    public String signatoryName;

    @Column(name = "signatory_role", length = 200)
    public String signatoryRole;

    protected CriteriaRatification() {
    }

    CriteriaRatification(CriteriaSet criteriaSet, Sector sector, String signedBy, Signatory signatory,
            Instant signedAt) {
        this.criteriaSet = criteriaSet;
        this.sector = sector;
        this.signedBy = signedBy;
        this.signatoryName = signatory == null ? null : signatory.name();
        this.signatoryRole = signatory == null ? null : signatory.role();
        this.signedAt = signedAt;
    }

    /** Who signs for a sector, in their own words: their name and their role in their organisation. */
    public record Signatory(String name, String role) {
    }
}
