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

    public DomainException(int status, String title, String detail, String field, List<String> problems) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(400, "Invalid input", detail, field, null);
    }

    public static DomainException invalid(String detail, List<String> problems) {
        return new DomainException(400, "Invalid input", detail, null, problems);
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

    public Problem toProblem() {
        return new Problem(status, title, getMessage(), field, problems.isEmpty() ? null : problems);
    }
}
