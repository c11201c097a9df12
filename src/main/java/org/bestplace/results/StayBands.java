package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The stay bands' labels, in order, read from the one place they are defined: the generated column
 * {@code review.stay_band} (V20). The dictionary lists them as codes without writing the thresholds
 * a second time.
 */
@ApplicationScoped
public class StayBands {

    private static final Pattern LABEL = Pattern.compile("'([^']+)'");

    @Inject
    DataSource dataSource;

    private volatile List<String> labels;

    public List<String> labels() {
        List<String> known = labels;
        if (known == null) {
            known = read();
            labels = known;
        }
        return known;
    }

    private List<String> read() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT generation_expression FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name = 'review' AND column_name = 'stay_band'");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("review.stay_band is missing");
            }
            return labelsOf(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stay bands' definition", e);
        }
    }

    /** The quoted labels of a CASE expression, each once, in the order written. */
    static List<String> labelsOf(String expression) {
        List<String> found = new ArrayList<>();
        Matcher label = LABEL.matcher(expression);
        while (label.find()) {
            if (!found.contains(label.group(1))) {
                found.add(label.group(1));
            }
        }
        return List.copyOf(found);
    }
}
