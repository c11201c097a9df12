package org.bestplace.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.bestplace.security.Sector;

/**
 * Synthetic inpatients and their reviews, drawn from one seeded random sequence: the same seed
 * always gives the same patients. The demo audit and the benchmark generator both draw from it.
 * Realistic mixes: most patients over 75, most stays short with a long tail; about a quarter of
 * patient-days not qualifying, more among the oldest and after one and three weeks in hospital;
 * a share of patient-days reviewed again by another sector ({@link Mix}).
 */
public final class SyntheticModel {

    public static final List<String> WARDS = List.of("Acute Medical Unit", "Ward 7 Acute Medicine",
            "Ward 12 Older People", "Ward 14 Respiratory", "Ward 3 Cardiology", "Ward 9 Surgery",
            "Ward 10 Orthopaedics", "Ward 5 Stroke");
    public static final List<String> SPECIALTIES = List.of("General medicine", "Care of older people",
            "Respiratory", "Cardiology", "Gastroenterology", "General surgery", "Trauma and orthopaedics",
            "Stroke medicine");
    public static final List<String> AGE_BANDS = List.of("18-39", "40-64", "65-74", "75-84", "85+");
    private static final double[] AGE_WEIGHTS = {0.08, 0.17, 0.20, 0.27, 0.28};
    public static final List<Sector> SECTORS = List.of(Sector.HOSPITAL, Sector.COMMUNITY, Sector.COMMISSIONER);
    private static final double[] SECTOR_WEIGHTS = {0.5, 0.35, 0.15};

    /**
     * How often a patient-day is reviewed twice, and how often the second review agrees with a
     * first that says "does not qualify" and with one that says "qualifies".
     */
    public record Mix(double reviewedTwice, double agreeingWhenNot, double agreeingWhenQualifies) {
        /** As in real audits: a fifth reviewed twice, agreeing about nine times in ten (kappa about 0.75). */
        public static final Mix REALISTIC = new Mix(0.2, 0.85, 0.93);
        /** Sixty patients only: nearly a third reviewed twice, agreeing less often than in real audits,
         * so the demo's debriefs have a few disagreements to settle. */
        public static final Mix DEMO = new Mix(0.3, 0.6, 0.65);
    }

    private final SplittableRandom random;
    private final Mix mix;

    public SyntheticModel(long seed, Mix mix) {
        this.random = new SplittableRandom(seed);
        this.mix = mix;
    }

    /** A patient as registered: {@code stayBefore} is days in hospital before the first review. */
    public record Patient(String ward, String specialty, int age, String sex, int stayBefore) {
        public String ageBand() {
            return AGE_BANDS.get(age);
        }
    }

    public Patient patient(List<String> wards) {
        int age = pick(AGE_WEIGHTS);
        int stay = (int) Math.min(120, Math.floor(-Math.log(1 - random.nextDouble()) * 8));
        return new Patient(wards.get(random.nextInt(wards.size())),
                SPECIALTIES.get(random.nextInt(SPECIALTIES.size())), age, random.nextBoolean() ? "FEMALE" : "MALE",
                stay);
    }

    /** How many of its wards an audit covers: 4 to 8. */
    public List<String> wards() {
        return WARDS.subList(0, 4 + random.nextInt(5));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Consecutive days a patient is reviewed on, at most {@code max}. */
    public int daysReviewed(int max) {
        return Math.min(max, 1 + geometric(0.55));
    }

    public boolean notQualifying(Patient patient, int stayDays) {
        double chance = 0.10 + 0.04 * patient.age() + (stayDays >= 7 ? 0.06 : 0) + (stayDays >= 21 ? 0.12 : 0);
        return random.nextDouble() < Math.min(chance, 0.9);
    }

    /** The first reviewer's sector: hospital staff do most first reviews. */
    public Sector firstSector() {
        return SECTORS.get(pick(SECTOR_WEIGHTS));
    }

    public boolean reviewedTwice() {
        return random.nextDouble() < mix.reviewedTwice();
    }

    /** Another sector than the first reviewer's. */
    public Sector secondSector(Sector first) {
        int index = SECTORS.indexOf(first);
        return SECTORS.get((index + 1 + random.nextInt(SECTORS.size() - 1)) % SECTORS.size());
    }

    /** Whether the second review agrees with the first. */
    public boolean secondAgrees(boolean firstNotQualifying) {
        return random.nextDouble() < (firstNotQualifying ? mix.agreeingWhenNot() : mix.agreeingWhenQualifies());
    }

    /** The chair settles a disagreement one way or the other, half the time each. */
    public boolean chairSidesWithFirst() {
        return random.nextBoolean();
    }

    /** Earlier codes in the set's list come up more often, as the commonest places and reasons do. */
    public String weighted(List<String> codes) {
        int i = (int) Math.min(codes.size() - 1, Math.floor(-Math.log(1 - random.nextDouble()) * codes.size() / 3.0));
        return codes.get(i);
    }

    /** What kept a patient in hospital: one reason or a few. */
    public List<String> reasons(List<String> codes) {
        TreeSet<String> chosen = new TreeSet<>();
        for (int i = 1 + geometric(0.6); i > 0; i--) {
            chosen.add(weighted(codes));
        }
        return List.copyOf(chosen);
    }

    /** The criteria a qualifying patient meets: one or a few. */
    public List<String> criteriaMet(List<String> codes) {
        TreeSet<String> chosen = new TreeSet<>();
        for (int i = 1 + geometric(0.5); i > 0; i--) {
            chosen.add(codes.get(random.nextInt(codes.size())));
        }
        return List.copyOf(chosen);
    }

    /** True with probability {@code chance}: overrides, flags, notes. */
    public boolean sometimes(double chance) {
        return random.nextDouble() < chance;
    }

    public long nextLong() {
        return random.nextLong();
    }

    private int geometric(double stop) {
        int n = 0;
        while (random.nextDouble() > stop && n < 10) {
            n++;
        }
        return n;
    }

    private int pick(double[] weights) {
        double roll = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
