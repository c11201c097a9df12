package org.bestplace.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bestplace.audit.Audit;
import org.bestplace.web.DomainException;

/**
 * A patient as a reviewer registers them, in the text either door received: the API's JSON body
 * or the ward page's form. Every rule about a registration is checked here, by one method, so the
 * two doors take and refuse exactly the same registrations.
 */
public record Registration(String ward, String specialty, String ageBand, String sex, String admissionDate,
        String localId, String specialtyNote, Boolean admissionConfirmed, String clientId) {

    /** A registration as the API took it before specialty notes, confirmations and the tablet's id. */
    public Registration(String ward, String specialty, String ageBand, String sex, String admissionDate,
            String localId) {
        this(ward, specialty, ageBand, sex, admissionDate, localId, null, null, null);
    }

    public static final List<String> AGE_BANDS = List.of("18-39", "40-64", "65-74", "75-84", "85+");
    public static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    /** The ward and specialty columns' length, in characters. */
    static final int MAX_NAME = 100;
    static final int MAX_LOCAL_ID = 64;

    /**
     * The values once checked: the specialty as the audit's list spells it (or "Other", with its
     * note), the date read, a blank local identifier dropped, the tablet's id in its canonical form.
     */
    public record Checked(String ward, String specialty, String ageBand, String sex, LocalDate admissionDate,
            String localId, String specialtyNote, String clientId) {
    }

    /**
     * Checks the values field by field, in the form's order, and then against the audit; the first
     * fault is refused, naming its field. {@code today} is the audit's day the patient is registered
     * (or corrected) on: an admission more than a year before it must be confirmed.
     */
    public Checked check(Audit audit, LocalDate today) {
        String checkedWard = required(ward, "ward", "Give the ward.");
        longest(checkedWard, MAX_NAME, "ward", "The ward");
        String checkedSpecialty = required(specialty, "specialty", "Choose the specialty.").strip();
        longest(checkedSpecialty, MAX_NAME, "specialty", "The specialty");
        String checkedNote = null;
        if (checkedSpecialty.equalsIgnoreCase(Audit.OTHER_SPECIALTY)) {
            checkedSpecialty = Audit.OTHER_SPECIALTY;
            checkedNote = required(specialtyNote, "specialtyNote", "Say which specialty 'Other' is.").strip();
            longest(checkedNote, MAX_NAME, "specialtyNote", "The other specialty");
            String identifying = IdentifyingText.refusal("The other specialty", checkedNote).orElse(null);
            if (identifying != null) {
                throw DomainException.invalid("specialtyNote", identifying);
            }
        } else {
            String given = checkedSpecialty;
            checkedSpecialty = audit.specialtiesOffered().stream().filter(given::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> DomainException.invalid("specialty", "'" + given + "' is not one of this"
                            + " audit's specialties; choose one of them, or Other and say which."));
        }
        if (ageBand == null || !AGE_BANDS.contains(ageBand)) {
            throw DomainException.invalid("ageBand", "Choose an age band: " + String.join(", ", AGE_BANDS) + ".");
        }
        if (sex == null || !SEXES.contains(sex)) {
            throw DomainException.invalid("sex", "Choose the patient's sex: " + String.join(", ", SEXES) + ".");
        }
        LocalDate admitted;
        try {
            admitted = LocalDate.parse(required(admissionDate, "admissionDate", "Give the admission date."));
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("admissionDate", "Write the admission date as YYYY-MM-DD.");
        }
        String checkedLocalId = localId == null || localId.isBlank() ? null : localId;
        // The identifier itself is never echoed: it may be a hospital number.
        longest(checkedLocalId, MAX_LOCAL_ID, "localId", "The local identifier");

        if (!audit.hasWard(checkedWard)) {
            throw DomainException.invalid("ward", "Ward '" + checkedWard + "' is not in this audit; its wards are "
                    + String.join(", ", audit.wards) + ".");
        }
        if (admitted.isAfter(audit.endDate)) {
            throw DomainException.invalid("admissionDate", "The admission date is after the audit's last day ("
                    + audit.endDate + ").");
        }
        if (admitted.isBefore(audit.startDate.minusYears(10))) {
            throw DomainException.invalid("admissionDate", "The admission date is more than ten years before the"
                    + " audit; check it.");
        }
        if (needsConfirmation(admitted, today) && !Boolean.TRUE.equals(admissionConfirmed)) {
            throw DomainException.invalid("admissionDate", "The admission date " + admitted + " is more than a year"
                    + " before today (" + today + "). Check it, and confirm it if it is right.");
        }
        return new Checked(checkedWard, checkedSpecialty, ageBand, sex, admitted, checkedLocalId, checkedNote,
                clientId(clientId));
    }

    /** An admission more than a year before today is unusual enough to be confirmed by the reviewer. */
    public static boolean needsConfirmation(LocalDate admitted, LocalDate today) {
        return admitted.isBefore(today.minusYears(1));
    }

    /** The tablet's id of the registration, when it made one: a UUID, as for a review's id. */
    static String clientId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String canonical = java.util.UUID.fromString(value).toString();
            if (canonical.equalsIgnoreCase(value)) {
                return canonical;
            }
        } catch (IllegalArgumentException e) {
            // refused below, in the form's words
        }
        throw DomainException.invalid("clientId", "The registration's id from the tablet is not a UUID;"
                + " register the patient again.");
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, message);
        }
        return value;
    }

    /** Lengths count characters as the database column does, so one outside the BMP counts once. */
    private static void longest(String value, int max, String field, String name) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length > max) {
            throw DomainException.invalid(field, name + " is " + length + " characters long; it may have up to "
                    + max + ".");
        }
    }
}
