package org.bestplace.commissioning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bestplace.audit.Audit;
import org.bestplace.review.IdentifyingText;
import org.bestplace.security.Sector;
import org.bestplace.web.DomainException;

/**
 * The terms of an action as checked: the API and the form hand what they received to
 * {@link #check}, so both take and refuse the same things, naming the same field.
 */
public record ActionTerms(String title, String finding, List<String> reasonCodes, Sector ownerSector, String owner,
        LocalDate dueDate) {

    public static final int MAX_TITLE = 1000;
    public static final int MAX_FINDING = 2000;
    public static final int MAX_OWNER = 200;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_REASONS = 50;

    static ActionTerms check(String title, String finding, List<String> reasonCodes, String ownerSector, String owner,
            String dueDate, Set<String> knownReasons, Audit audit) {
        String checkedTitle = text("title", "The title", title, MAX_TITLE, "Give the action a title.");
        String checkedFinding = text("finding", "The finding", finding, MAX_FINDING,
                "Say which finding the action answers.");
        List<String> codes = reasons(reasonCodes, knownReasons);
        Sector sector = sector(ownerSector);
        String checkedOwner = text("owner", "The owner", owner, MAX_OWNER, "Name the action's owner.", false);
        LocalDate due = dueDate(dueDate, audit);
        return new ActionTerms(checkedTitle, checkedFinding, codes, sector, checkedOwner, due);
    }

    /** The owner as an update may name them: required, within its length. */
    static String owner(String owner) {
        return text("owner", "The owner", owner, MAX_OWNER, "Name the action's owner.", false);
    }

    /** A due date: a plain date, not before the audit started and not more than ten years after it. */
    static LocalDate dueDate(String dueDate, Audit audit) {
        LocalDate due = date("dueDate", "The due date", dueDate);
        if (due.isBefore(audit.startDate)) {
            throw DomainException.invalid("dueDate", "The due date " + due + " is before the audit started ("
                    + audit.startDate + ").");
        }
        if (due.isAfter(audit.endDate.plusYears(10))) {
            throw DomainException.invalid("dueDate", "The due date " + due + " is more than ten years after the"
                    + " audit; check it.");
        }
        return due;
    }

    static List<String> reasons(List<String> given, Set<String> known) {
        List<String> codes = new ArrayList<>();
        List<String> all = given == null ? List.of() : given;
        if (all.size() > MAX_REASONS) {
            throw DomainException.invalid("reasonCodes", "There are " + all.size() + " reasons for delay; an action"
                    + " addresses up to " + MAX_REASONS + ".");
        }
        for (String code : all) {
            String c = code == null ? "" : code.strip();
            if (!known.contains(c)) {
                throw DomainException.invalid("reasonCodes", "'" + c + "' is not a reason for delay in the audit's"
                        + " criteria set.");
            }
            if (codes.contains(c)) {
                throw DomainException.invalid("reasonCodes", "The reason for delay " + c + " is given twice.");
            }
            codes.add(c);
        }
        return codes;
    }

    static Sector sector(String given) {
        String name = given == null ? "" : given.strip();
        for (Sector s : Sector.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        if (name.isEmpty()) {
            throw DomainException.invalid("ownerSector", "Choose the sector that owns the action.");
        }
        throw DomainException.invalid("ownerSector", "'" + name + "' is not a sector; the owner is in HOSPITAL,"
                + " COMMUNITY or COMMISSIONER.");
    }

    /** A required text, stripped, within its length, and with nothing in it that looks like it identifies a patient. */
    static String text(String field, String what, String given, int max, String missing) {
        return text(field, what, given, max, missing, true);
    }

    static String text(String field, String what, String given, int max, String missing, boolean checkIdentifying) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty()) {
            throw DomainException.invalid(field, missing);
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw DomainException.invalid(field, what + " is " + length + " characters long; it may have up to "
                    + String.format(Locale.UK, "%,d", max) + ".");
        }
        if (checkIdentifying) {
            identifying(field, what, value);
        }
        return value;
    }

    /**
     * Actions are about services, written by the chair, lead and commissioners, so staff names and
     * dates belong in them; a number shaped like an NHS number never does.
     */
    static void identifying(String field, String what, String value) {
        if (IdentifyingText.findings(value).contains(IdentifyingText.Finding.NHS_NUMBER)) {
            throw DomainException.invalid(field, what + " seems to contain a number shaped like an NHS number,"
                    + " which could identify a patient; take it out.");
        }
    }

    /** A plain YYYY-MM-DD date. */
    static LocalDate date(String field, String what, String given) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty()) {
            throw DomainException.invalid(field, what + " is missing; write it as 2026-12-15.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "'" + value + "' is not a date; write it as 2026-12-15.");
        }
    }
}
