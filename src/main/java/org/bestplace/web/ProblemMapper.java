package org.bestplace.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bestplace.database.SqlErrors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one error mapper: problem+json for programs, a plain error page for people.
 * Nothing a user sees names a class or carries a stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.toProblem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .collect(Collectors.toList());
        List<String> messages = violations.stream()
                .map(v -> fieldOf(v) + ": " + v.getMessage())
                .toList();
        String field = violations.size() == 1 ? fieldOf(violations.get(0)) : null;
        String detail = violations.size() == 1 ? messages.get(0) : String.join("; ", messages);
        return respond(new Problem(400, "Invalid input", detail, field, violations.size() > 1 ? messages : null),
                uri, headers);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String detail = field == null
                ? "The request body is not well-formed JSON."
                : "The value of '" + field + "' has the wrong type or format.";
        return respond(new Problem(400, "Malformed JSON", detail, field, null), uri, headers);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(409, "Conflict",
                "Someone else changed this record at the same time; reload it and try again.", null, null),
                uri, headers);
    }

    /** A role check (@RolesAllowed) refused the caller; Quarkus's own answer has no body. */
    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(403, "Forbidden", detailFor(403), null, null), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri, headers);
            }
            // A query value that could not be read (QueryValues) names its parameter.
            if (cause instanceof DomainException domain) {
                return domain(domain, uri, headers);
            }
        }
        Response original = e.getResponse();
        if (original.getStatus() >= 300 && original.getStatus() < 400) {
            return original;
        }
        int status = original.getStatus();
        return respond(new Problem(status, Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                detailFor(status), null, null), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Problem race = lostRace(e);
        if (race != null) {
            return respond(race, uri, headers);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(new Problem(500, "Internal error",
                "Something went wrong on the server; quote incident " + incident + " to support.", null, null),
                uri, headers);
    }

    /**
     * A write that lost to another one sent at the same moment, however deeply Hibernate, the
     * transaction manager or CDI wrapped the database's answer: a 409 the caller can act on. It is
     * not logged: it is no fault, and the database's message may quote a keyed hash.
     */
    static Problem lostRace(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return new Problem(409, "Conflict",
                        "Someone else changed this record at the same time; reload it and try again.", null, null);
            }
        }
        if (SqlErrors.isDuplicateKey(e)) {
            return new Problem(409, "Conflict",
                    "The same thing was stored by another request at the same moment; reload to see it.", null, null);
        }
        if (SqlErrors.isDeadlock(e) || SqlErrors.isLockWaitTimeout(e)) {
            return new Problem(409, "Conflict",
                    "Other changes to the same records were being made at the same time; try again.", null, null);
        }
        return null;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "Sign in to continue.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing here.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the format asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "This address does not accept that content type.";
            default -> "The request could not be handled.";
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method-parameter paths look like "create.body.title": keep the part after the body.
        String[] parts = path.split("\\.");
        return parts.length >= 3 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return respond(problem, PageOrProblem.wantsPage(uri.getPath(), headers.getHeaderString(HttpHeaders.ACCEPT)));
    }

    static Response respond(Problem problem, boolean page) {
        if (page) {
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ErrorPage.render(problem)).build();
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
