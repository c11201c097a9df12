package org.bestplace.generate;

import io.quarkus.arc.Arc;
import java.util.Locale;

/**
 * {@code java -jar quarkus-run.jar generate --audits 20 --reviews 1000000 --seed 1}: fills the
 * configured database with synthetic audits and prints what it made.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    public static int run(String... args) throws Exception {
        int audits = 1;
        long reviews = 10_000;
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--audits" -> audits = Integer.parseInt(required(args[i], value));
                case "--reviews" -> reviews = Long.parseLong(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                default -> {
                    System.err.println("Unknown option " + args[i]
                            + ". Usage: generate [--audits N] [--reviews N] [--seed N]");
                    return 2;
                }
            }
            i++;
        }
        if (audits < 1 || reviews < audits) {
            System.err.println("Give at least one audit and at least one review per audit.");
            return 2;
        }
        Generator.Generated made = Arc.container().instance(Generator.class).get()
                .generate(new Generator.Options(audits, reviews, seed), System.err);
        System.out.printf(Locale.ROOT, "generated %d audits (ids %d to %d): %,d cases, %,d reviews, %,d debrief"
                + " decisions in %.1f s (%,.0f reviews/s)%n", made.auditIds().size(), made.auditIds().get(0),
                made.auditIds().get(made.auditIds().size() - 1), made.cases(), made.reviews(), made.decisions(),
                made.seconds(), made.reviews() / made.seconds());
        return 0;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
