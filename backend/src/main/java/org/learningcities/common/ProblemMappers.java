package org.learningcities.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.oidc.OIDCException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem. Clients never see a stack trace or a class name;
 * unexpected failures are logged with a reference the answer repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when it cannot convert a path or query parameter (an id like "abc").
            return respond(new Problem(Problem.type("bad-request"), "Bad request", 400,
                    "A path or query parameter has a value of the wrong type (a number was expected?).", path(uri), null));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri) + ".";
            case 405 -> "This path does not accept that method.";
            case 406 -> "This path cannot answer in any of the media types in Accept.";
            case 413 -> "The request body is too large.";
            case 415 -> "This path does not accept that Content-Type.";
            default -> "The request is not valid.";
        };
        return respond(new Problem(Problem.type(slug(title)), title, status, detail, path(uri), null));
    }

    /** Registered for the subtype too, so it wins over the JSON provider's built-in mapper. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors = List.of(new Problem.FieldError(fieldPath(mapping), describe(e)));
        }
        return respond(new Problem(Problem.type("bad-request"), "Bad request", 400,
                "The JSON body cannot be read: " + describe(e), path(uri), errors));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean inBody = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            List<String> names = new ArrayList<>();
            int depth = 0;
            for (Path.Node node : violation.getPropertyPath()) {
                depth++;
                if (node.getKind() == ElementKind.METHOD) {
                    continue;
                }
                if (node.getKind() == ElementKind.CONTAINER_ELEMENT && !names.isEmpty()) {
                    // An element of a list or map: topics[0], profile.fr
                    String position = node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "." + node.getKey() : "";
                    names.set(names.size() - 1, names.get(names.size() - 1) + position);
                } else if (node.getName() != null) {
                    String index = node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "." + node.getKey() : "";
                    String last = names.isEmpty() ? "" : names.get(names.size() - 1);
                    if (!index.isEmpty() && !names.isEmpty() && !last.endsWith("]") && !last.endsWith("." + node.getKey())) {
                        // Bean Validation puts the index on the node after the collection: move it back.
                        names.set(names.size() - 1, last + index);
                        names.add(node.getName());
                    } else {
                        names.add(node.getName());
                    }
                }
            }
            // method.parameter is a query/path parameter (400); deeper paths are inside the JSON body (422).
            if (depth > 2) {
                inBody = true;
                names = names.subList(1, names.size());
            }
            errors.add(new Problem.FieldError(String.join(".", names), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        if (inBody) {
            return respond(ProblemException.validation(errors).toProblem(path(uri)));
        }
        return respond(new Problem(Problem.type("bad-request"), "Bad request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token from the platform's identity provider is needed.", path(uri), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your roles do not allow this.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return respond(new Problem(Problem.type("stale-version"), "Precondition failed", 412,
                        "Someone else changed this at the same time; reload it and try again.", path(uri), null));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof java.sql.SQLIntegrityConstraintViolationException) {
                // A unique key the service did not check first (e.g. renaming a city to a name its
                // country already has): the client's request conflicts with what is stored.
                return respond(new Problem(Problem.type("conflict"), "Conflict", 409,
                        "This conflicts with a record that already exists (a name or code must be unique).", path(uri), null));
            }
            if (cause instanceof org.hibernate.exception.DataException) {
                return respond(ProblemException.validation("", "a value is too long or out of range").toProblem(path(uri)));
            }
            // (Plain JDBC, as the member directory reads, gets the driver's own exception: SQL state class 08.)
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                LOG.warnf("Database unavailable: %s", cause.getMessage());
                return unavailable("The database cannot be reached; try again shortly.", uri);
            }
            // Agroal says "acquisition timeout" with a plain SQLException (no SQL state) when no
            // pooled connection became free in time; Hibernate wraps it as a generic JDBC error.
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                LOG.warnf("No database connection free in time: %s", cause.getMessage());
                return unavailable("The service is busy: no database connection was free in time; try again shortly.", uri);
            }
            // Thrown when a token has to be checked and the identity provider cannot be reached
            // (its keys were never fetched, or a token names a key it must look up): not the client's fault.
            if (cause instanceof OIDCException) {
                LOG.warnf("Identity provider unavailable: %s", cause.getMessage());
                return unavailable("The identity provider cannot be reached to check the token; try again shortly.", uri);
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (reference %s)", path(uri), reference);
        return respond(new Problem(Problem.type("internal"), "Internal server error", 500,
                "Something went wrong on our side (reference " + reference + ").", path(uri), null));
    }

    private static Response unavailable(String detail, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(new Problem(Problem.type("unavailable"), "Service unavailable", 503, detail, path(uri), null))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A message about the client's JSON without Java class names. */
    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown property '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid " + simpleType(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "expected " + simpleType(mismatched.getTargetType());
        }
        return "malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "value (one of " + java.util.Arrays.stream(constants).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "date or time (ISO 8601)";
        }
        return "object";
    }
}
