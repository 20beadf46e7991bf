package org.learningcities.common;

import java.util.List;

/**
 * A client error the code detects itself. Thrown from services; the exception mappers turn it
 * into an {@code application/problem+json} answer. Nothing is changed: the transaction rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail, Problem.FieldError... errors) {
        return new ProblemException(400, "bad-request", "Bad request", detail, List.of(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? "1 problem in the request." : errors.size() + " problems in the request.";
        return new ProblemException(422, "validation", "Validation failed", detail, errors);
    }

    public static ProblemException validation(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }
}
