package org.learningcities.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a write at most once per {@code Idempotency-Key}. The key is claimed by inserting its row
 * in the same transaction as the work: a concurrent twin blocks on that row until the first
 * commits, then finds the key taken and replays the stored answer. A failed attempt rolls back
 * its claim, so the client may retry with the same key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 100;

    /** What a write answers: status, JSON body, optional Location. */
    public record Outcome(int status, Object body, String location) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * @param fingerprint everything that makes two requests "the same" (parameters and body)
     */
    public Response execute(String key, String operation, String fingerprint, Supplier<Outcome> work) {
        if (key == null || key.isEmpty()) {
            return respond(QuarkusTransaction.requiringNew().call(work::get));
        }
        if (key.length() > MAX_KEY_LENGTH || key.isBlank()) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.",
                    new Problem.FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = sha256(operation + "\n" + fingerprint);
        try {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                claim(key, operation, hash);
                Outcome result = work.get();
                em.createNativeQuery("UPDATE idempotency_record SET status = ?1, body = ?2, location = ?3"
                                + " WHERE idempotency_key = ?4 AND operation = ?5")
                        .setParameter(1, result.status()).setParameter(2, serialize(result.body()))
                        .setParameter(3, result.location()).setParameter(4, key).setParameter(5, operation)
                        .executeUpdate();
                return result;
            });
            return respond(outcome);
        } catch (KeyTaken taken) {
            return replay(key, operation, hash);
        }
    }

    private void claim(String key, String operation, String hash) {
        try {
            em.createNativeQuery("INSERT INTO idempotency_record (idempotency_key, operation, request_hash, status)"
                            + " VALUES (?1, ?2, ?3, 0)")
                    .setParameter(1, key).setParameter(2, operation).setParameter(3, hash).executeUpdate();
        } catch (PersistenceException e) {
            if (isDuplicateKey(e)) {
                throw new KeyTaken();
            }
            throw e;
        }
    }

    private Response replay(String key, String operation, String hash) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT request_hash, status, body, location FROM idempotency_record"
                                + " WHERE idempotency_key = ?1 AND operation = ?2")
                .setParameter(1, key).setParameter(2, operation).getResultList());
        if (rows.isEmpty()) {
            throw ProblemException.conflict("The request with this Idempotency-Key is still being processed; retry shortly.");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request.",
                    List.of(new Problem.FieldError(HEADER, "already used for a different request")));
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue())
                .type(MediaType.APPLICATION_JSON).entity(row[2]).header("Idempotency-Replayed", "true");
        if (row[3] != null) {
            answer.location(URI.create((String) row[3]));
        }
        return answer.build();
    }

    private Response respond(Outcome outcome) {
        Response.ResponseBuilder answer = Response.status(outcome.status()).type(MediaType.APPLICATION_JSON)
                .entity(outcome.body());
        if (outcome.location() != null) {
            answer.location(URI.create(outcome.location()));
        }
        return answer.build();
    }

    private String serialize(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer cannot be stored", e);
        }
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException
                    || cause instanceof java.sql.SQLException sql && "23000".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
