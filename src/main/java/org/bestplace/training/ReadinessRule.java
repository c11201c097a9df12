package org.bestplace.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.math.BigDecimal;
import java.time.Instant;
import org.bestplace.audit.Audit;
import org.bestplace.web.DomainException;

/**
 * An audit's readiness rule: how many training cases a reviewer answers in the current round,
 * and the kappa and agreement with the reference they reach, before they count as ready; and
 * whether the audit takes reviews only from ready reviewers.
 */
@Entity
@Table(name = "readiness_rule")
public class ReadinessRule extends PanacheEntityBase {

    public static final int DEFAULT_MIN_CASES = 10;
    public static final double DEFAULT_MIN_KAPPA = 0.6;
    public static final double DEFAULT_MIN_AGREEMENT = 0.8;

    @Id
    @Column(name = "audit_id")
    public Long auditId;

    @Column(name = "min_cases", nullable = false)
    public int minCases;

    @Column(name = "min_kappa", nullable = false, precision = 5, scale = 3)
    public BigDecimal minKappa;

    @Column(name = "min_agreement", nullable = false, precision = 5, scale = 3)
    public BigDecimal minAgreement;

    @Column(nullable = false)
    public boolean required;

    @Column(name = "updated_by", nullable = false, length = 64)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The rule as figures; the defaults when the lead has set none. */
    public record Terms(int minCases, double minKappa, double minAgreement, boolean required) {

        public static final Terms DEFAULT = new Terms(DEFAULT_MIN_CASES, DEFAULT_MIN_KAPPA, DEFAULT_MIN_AGREEMENT,
                false);

        /** Refuses figures outside their range, naming the field. */
        public Terms checked() {
            if (minCases < 0 || minCases > 1000) {
                throw DomainException.invalid("minCases", "The minimum number of cases is a whole number from 0 to"
                        + " 1,000.");
            }
            if (!(minKappa >= -1 && minKappa <= 1)) {
                throw DomainException.invalid("minKappa", "The minimum kappa is a number from -1 to 1.");
            }
            if (!(minAgreement >= 0 && minAgreement <= 1)) {
                throw DomainException.invalid("minAgreement", "The minimum agreement is a proportion from 0 to 1"
                        + " (0.8 for 80%).");
            }
            return this;
        }
    }

    protected ReadinessRule() {
    }

    public static Terms of(Audit audit) {
        ReadinessRule rule = findById(audit.id);
        return rule == null ? Terms.DEFAULT : rule.terms();
    }

    public Terms terms() {
        return new Terms(minCases, minKappa.doubleValue(), minAgreement.doubleValue(), required);
    }

    static ReadinessRule set(Audit audit, Terms terms, String by, Instant now) {
        ReadinessRule rule = findById(audit.id);
        if (rule == null) {
            rule = new ReadinessRule();
            rule.auditId = audit.id;
        }
        rule.minCases = terms.minCases();
        rule.minKappa = BigDecimal.valueOf(terms.minKappa()).setScale(3, java.math.RoundingMode.HALF_UP);
        rule.minAgreement = BigDecimal.valueOf(terms.minAgreement()).setScale(3, java.math.RoundingMode.HALF_UP);
        rule.required = terms.required();
        rule.updatedBy = by;
        rule.updatedAt = now;
        if (!rule.isPersistent()) {
            rule.persist();
        }
        return rule;
    }
}
