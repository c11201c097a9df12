package org.bestplace.commissioning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.audit.Audit;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.web.DomainException;

/**
 * What a day costs, for one audit: an acute bed-day and a day in each alternative place that has a
 * cost, with the source the lead or commissioner took them from. Nothing is shipped or assumed: an
 * audit without them has a brief without costs.
 */
@Entity
@Table(name = "unit_costs")
public class UnitCosts extends PanacheEntityBase {

    static final double MAX_COST = 1_000_000;
    static final int MAX_SOURCE = 500;

    @Id
    @Column(name = "audit_id")
    public Long auditId;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, length = MAX_SOURCE)
    public String source;

    @Column(name = "acute_bed_day", nullable = false, precision = 12, scale = 2)
    public BigDecimal acuteBedDay;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_cost_alternative", joinColumns = @JoinColumn(name = "audit_id"))
    @MapKeyColumn(name = "code", length = 40)
    @Column(name = "cost_per_day", nullable = false, precision = 12, scale = 2)
    public Map<String, BigDecimal> alternatives = new TreeMap<>();

    @Column(name = "entered_by", nullable = false, length = 64)
    public String enteredBy;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    /** Costs as entered, before they are checked against the audit's criteria set. */
    public record Entry(String currency, String source, Double acuteBedDay, Map<String, Double> alternatives) {

        /** Refuses anything missing or out of range, naming the field; the currency defaults to GBP. */
        Entry checked(CriteriaFile set) {
            String code = currency == null || currency.isBlank() ? "GBP" : currency.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                if (!code.matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException(code);
                }
                Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("currency", "The currency is a three-letter code such as GBP.");
            }
            if (source == null || source.isBlank()) {
                throw DomainException.invalid("source", "Say where the unit costs come from (the source), for example"
                        + " the trust's reference costs of the year.");
            }
            if (source.strip().codePointCount(0, source.strip().length()) > MAX_SOURCE) {
                throw DomainException.invalid("source", "The source is at most " + MAX_SOURCE + " characters.");
            }
            if (acuteBedDay == null) {
                throw DomainException.invalid("acuteBedDay", "Give the cost of an acute bed-day.");
            }
            if (!cost(acuteBedDay)) {
                throw DomainException.invalid("acuteBedDay", "The cost of an acute bed-day is a number from 0 to"
                        + " 1,000,000.");
            }
            Map<String, Double> costs = new LinkedHashMap<>();
            Map<String, Double> given = alternatives == null ? Map.of() : alternatives;
            for (Map.Entry<String, Double> entry : new TreeMap<>(given).entrySet()) {
                if (!set.hasAlternative(entry.getKey())) {
                    throw DomainException.invalid("alternatives", "There is no alternative place '" + entry.getKey()
                            + "' in this audit's criteria set.");
                }
                if (entry.getValue() == null) {
                    continue;
                }
                if (!cost(entry.getValue())) {
                    throw DomainException.invalid("alternatives", "The cost a day of " + title(set, entry.getKey())
                            + " is a number from 0 to 1,000,000.");
                }
                costs.put(entry.getKey(), entry.getValue());
            }
            return new Entry(code, source.strip(), acuteBedDay, costs);
        }

        private static boolean cost(double value) {
            return Double.isFinite(value) && value >= 0 && value <= MAX_COST;
        }
    }

    static String title(CriteriaFile set, String code) {
        return set.alternatives().stream().filter(a -> a.code().equals(code)).map(CriteriaFile.Alternative::title)
                .findFirst().orElse(code);
    }

    protected UnitCosts() {
    }

    public static UnitCosts of(Audit audit) {
        return findById(audit.id);
    }

    /** Replaces the audit's unit costs with a checked entry. */
    static UnitCosts set(Audit audit, Entry entry, String by, Instant now) {
        UnitCosts found = findById(audit.id);
        UnitCosts costs = found == null ? new UnitCosts() : found;
        costs.auditId = audit.id;
        costs.currency = entry.currency();
        costs.source = entry.source();
        costs.acuteBedDay = money(entry.acuteBedDay());
        costs.alternatives.clear();
        entry.alternatives().forEach((code, cost) -> costs.alternatives.put(code, money(cost)));
        costs.enteredBy = by;
        costs.enteredAt = now;
        if (!costs.isPersistent()) {
            costs.persist();
        }
        return costs;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
