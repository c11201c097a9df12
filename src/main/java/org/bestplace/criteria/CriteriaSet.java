package org.bestplace.criteria;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.database.NumberedEntity;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;

/** A stored, versioned consensus criteria set: its YAML content, hash and lifecycle. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSet extends NumberedEntity {

    @Column(name = "set_id", nullable = false, length = 100)
    public String setId;

    @Column(nullable = false, length = 40)
    public String version;

    @Column(nullable = false, length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CriteriaStatus status;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(nullable = false, columnDefinition = "mediumtext")
    public String content;

    /** The file it was loaded from, or "api" for an upload. */
    @Column(nullable = false, length = 300)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_reason", length = 1000)
    public String retiredReason;

    @Column(name = "retired_by", length = 100)
    public String retiredBy;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @OneToMany(mappedBy = "criteriaSet", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("signedAt")
    public List<CriteriaRatification> ratifications = new ArrayList<>();

    protected CriteriaSet() {
    }

    public CriteriaSet(CriteriaFile file, String content, String source, Instant now) {
        this.setId = file.id();
        this.version = file.version();
        this.createdAt = now;
        replaceContent(file, content, source);
    }

    /** Takes new content for this id+version: allowed only while no audit uses it. */
    void replaceContent(CriteriaFile file, String content, String source) {
        this.title = file.title();
        this.content = content;
        this.contentHash = file.contentHash();
        this.source = source;
        this.status = CriteriaStatus.DRAFT;
        this.ratifications.clear();
    }

    /** Records one sector's sign-off; the set is ratified once every sector has signed. */
    public void ratify(Sector sector, String signedBy, Instant now) {
        ratify(sector, signedBy, null, now);
    }

    /** A sign-off with the name and role the signatory gave. */
    public void ratify(Sector sector, String signedBy, CriteriaRatification.Signatory signatory, Instant now) {
        if (status != CriteriaStatus.DRAFT) {
            throw DomainException.conflict("status", "Only a draft set can be ratified; this one is " + status + ".");
        }
        if (signedSectors().contains(sector)) {
            throw DomainException.conflict("sector", "The " + sector + " sector has already signed this set.");
        }
        ratifications.add(new CriteriaRatification(this, sector, signedBy, signatory, now));
        if (signedSectors().containsAll(EnumSet.allOf(Sector.class))) {
            status = CriteriaStatus.RATIFIED;
        }
    }

    /** Takes the set out of use for new audits; the audits already on it keep it. */
    public void retire(String reason, String by, Instant now) {
        if (status == CriteriaStatus.RETIRED) {
            throw DomainException.conflict("status", "This set is already retired.");
        }
        status = CriteriaStatus.RETIRED;
        retiredReason = reason;
        retiredBy = by;
        retiredAt = now;
    }

    public Set<Sector> signedSectors() {
        return ratifications.stream().map(r -> r.sector)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
    }

    public static Optional<CriteriaSet> byIdAndVersion(String setId, String version) {
        return find("setId = ?1 and version = ?2", setId, version).firstResultOptional();
    }

    /** The contents stored from a file of this name, compared to the byte by the caller (the column's collation ignores case). */
    public static List<String> contentsLoadedFrom(String source) {
        return getEntityManager().createQuery("select s.content from CriteriaSet s where s.source = :source", String.class)
                .setParameter("source", source).getResultList();
    }

    /** The set holding this content (its hash covers the id and version, so one at most). */
    public static Optional<CriteriaSet> byContentHash(String contentHash) {
        return find("contentHash", contentHash).firstResultOptional();
    }

    public static List<CriteriaSet> versionsOf(String setId) {
        return list("setId = ?1 order by createdAt, id", setId);
    }

    public static List<CriteriaSet> listInOrder() {
        return list("order by setId, version");
    }
}
