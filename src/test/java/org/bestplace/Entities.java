package org.bestplace;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.bestplace.audit.Audit;
import org.bestplace.audit.Sector;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaSet;

/** Entities built in plain Java, for tests of their own rules without a service or a database. */
public final class Entities {

    private static CriteriaFile criteria;

    private Entities() {
    }

    /** The consensus criteria set shipped in criteria/, read once. */
    public static synchronized CriteriaFile criteria() {
        if (criteria == null) {
            try {
                criteria = CriteriaFile.parse(Files.readString(Path.of("criteria", "acute-adult-day-of-care.yaml")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return criteria;
    }

    /** That set, signed by all three sectors. */
    public static CriteriaSet ratifiedSet(Instant now) {
        CriteriaSet set = new CriteriaSet(criteria(), "content", "test", now);
        for (Sector sector : Sector.values()) {
            set.ratify(sector, "signer " + sector, now);
        }
        return set;
    }

    /** A planned audit of November 2026 on wards A and B. */
    public static Audit audit(ZoneId zone, Instant now) {
        return audit(LocalDate.of(2026, 11, 1), zone, now);
    }

    public static Audit audit(LocalDate start, ZoneId zone, Instant now) {
        return new Audit("Audit", "How many could be cared for elsewhere?", "Test General", Set.of("Ward A", "Ward B"),
                start, start.plusDays(29), zone, ratifiedSet(now), new BigDecimal("0.200"), "admin", now);
    }
}
