package org.bestplace.web;

import java.util.List;

/**
 * A request the domain refuses: it carries the HTTP status, a short title, a detail for the
 * person who sent it and, where one field is at fault, that field's name.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final List<String> problems;
    /** The problems with their places in a file, when the request was a file. */
    private final List<Problem.At> places;

    public DomainException(int status, String title, String detail, String field, List<String> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.places = List.of();
    }

    private DomainException(String detail, List<Problem.At> places) {
        super(detail);
        this.status = 400;
        this.title = "Invalid input";
        this.field = null;
        this.problems = places.stream().map(Problem.At::text).toList();
        this.places = List.copyOf(places);
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(400, "Invalid input", detail, field, null);
    }

    public static DomainException invalid(String detail, List<String> problems) {
        return new DomainException(400, "Invalid input", detail, null, problems);
    }

    /** A file with problems, each at its line and column where the file has one. */
    public static DomainException invalidFile(String detail, List<Problem.At> places) {
        return new DomainException(detail, places);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "Conflict", detail, null, null);
    }

    public static DomainException conflict(String field, String detail) {
        return new DomainException(409, "Conflict", detail, field, null);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(404, "Not found", detail, null, null);
    }

    /** A thing a request names in a field (not its address) that is not there. */
    public static DomainException notFound(String field, String detail) {
        return new DomainException(404, "Not found", detail, field, null);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "Forbidden", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }

    /** The problems with their places; empty unless the request was a file. */
    public List<Problem.At> places() {
        return places;
    }

    public Problem toProblem() {
        if (!places.isEmpty()) {
            return new Problem(status, title, getMessage(), field, places);
        }
        return new Problem(status, title, getMessage(), field, problems.isEmpty() ? null : problems);
    }
}
