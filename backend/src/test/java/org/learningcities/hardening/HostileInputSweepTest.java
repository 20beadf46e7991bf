package org.learningcities.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.learningcities.hardening.Contract.Op;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

/**
 * Hostile input against every operation of openapi.yaml: malformed JSON, wrong types, missing
 * and unknown fields, out-of-range numbers, overlong strings, unknown enum values, bad paging,
 * injection-looking strings, a huge body, wrong content types and invalid UTF-8 in CSV. Sent
 * with a token that holds every role, so each request gets as far as validation. Every answer
 * must be a 4xx problem the contract documents for that operation; afterwards nothing changed.
 */
@QuarkusTest
class HostileInputSweepTest {

    static final List<String> INJECTIONS = List.of("' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd");
    static final String HTML_NAME = "<img src=x onerror=alert(1)> & <script>alert('x')</script> ' OR 1=1 --";
    private static final String TOKEN = Tokens.forUser("sweeper", "secretariat", "fund-manager", "coordinator", "focal-point", "donor");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** One hostile request: a copy of the operation's valid request with one thing broken. */
    static final class Attempt {
        final Op op;
        String what = "valid";
        final Map<String, Object> path = new LinkedHashMap<>();
        final Map<String, Object> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;
        /** A read filtered by free text may legitimately answer 200 (with nothing found, for q). */
        boolean mayRead;

        Attempt(Op op) {
            this.op = op;
        }

        Attempt but(String what) {
            Attempt copy = new Attempt(op);
            copy.what = what;
            copy.path.putAll(path);
            copy.query.putAll(query);
            copy.headers.putAll(headers);
            copy.contentType = contentType;
            copy.body = body;
            return copy;
        }

        Attempt json(Object value) {
            return text(Contract.json(value));
        }

        Attempt text(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Response send() {
            RequestSpecification request = RestAssured.given().config(RAW).header("Authorization", "Bearer " + TOKEN);
            request.pathParams(path).queryParams(query).headers(headers);
            if (contentType != null) {
                request.contentType(contentType);
            }
            if (body != null) {
                request.body(body);
            }
            return request.request(op.method(), op.path());
        }
    }

    @Test
    void everyOperationRefusesHostileInputWithADocumentedProblemAndChangesNothing() throws Exception {
        Fixture fixture = new Fixture().create();
        Map<String, Object> before = snapshot(fixture);
        long started = System.nanoTime();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Op op : Contract.operations()) {
            Attempt base = base(op, fixture);
            for (Attempt attempt : attempts(op, base, fixture)) {
                sent++;
                check(attempt, attempt.send(), wrong);
            }
            if (!op.bodyTypes().isEmpty()) {
                sent++;
                checkHugeBody(op, base, wrong);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("Hostile-input sweep: %d requests over %d operations in %d s%n", sent, Contract.operations().size(), seconds);
        assertEquals(List.of(), wrong, wrong.size() + " answers are not documented 4xx problems:\n" + String.join("\n", wrong));
        assertEquals(before, snapshot(fixture), "the sweep changed something");

        // The same hostile-looking text sent validly is plain data: stored and returned verbatim, as JSON.
        long member = ((Number) Api.as("sam", "secretariat").contentType("application/json")
                .body(Map.of("name", HTML_NAME, "country", "KE", "yearJoined", 2020)).post("/api/members")
                .then().statusCode(201).extract().path("id")).longValue();
        Api.given().get("/api/members/" + member).then().statusCode(200).contentType("application/json")
                .header("X-Content-Type-Options", "nosniff")
                .body("name", org.hamcrest.Matchers.equalTo(HTML_NAME));
        Api.given().queryParam("q", "onerror").get("/api/members").then().statusCode(200)
                .body("items.find { it.id == " + member + " }.name", org.hamcrest.Matchers.equalTo(HTML_NAME));
    }

    /** The operation's request as the contract allows it, on the fixture's data. */
    static Attempt base(Op op, Fixture fixture) {
        Attempt base = new Attempt(op);
        for (Parameter parameter : op.parameters("path")) {
            Object value = fixture.id(parameter.getName());
            base.path.put(parameter.getName(), value != null ? value
                    : parameter.getExample() != null ? parameter.getExample() : Contract.valid(parameter.getSchema(), null, null));
        }
        for (Parameter parameter : op.parameters("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                Object value = Contract.valid(parameter.getSchema(), parameter.getName(), fixture::id);
                // Unique where a name must be (an income-group edition's code), so only the hostile part can fail.
                base.query.put(parameter.getName(), "code".equals(parameter.getName()) ? "Sweep-" + fixture.tag : value);
            }
        }
        if (op.hasParameter("header", "If-Match")) {
            base.headers.put("If-Match", "*"); // any version: the body is what is checked
        }
        if (op.bodyTypes().contains("application/json")) {
            base.contentType = "application/json";
            base.json(Contract.valid(op.jsonBodySchema(), null, fixture::id));
        } else if (op.bodyTypes().contains("text/csv")) {
            base.contentType = "text/csv; charset=UTF-8";
            base.text(op.csvExample());
        }
        return base;
    }

    static List<Attempt> attempts(Op op, Attempt base, Fixture fixture) {
        List<Attempt> attempts = new ArrayList<>();
        for (Parameter parameter : op.parameters("path")) {
            for (Object bad : badValues(parameter.getSchema(), true)) {
                Attempt attempt = base.but("path " + parameter.getName() + "=" + abbreviate(bad));
                attempt.path.put(parameter.getName(), bad);
                attempts.add(attempt);
            }
        }
        for (Parameter parameter : op.parameters("query")) {
            Schema<?> schema = Contract.concrete(parameter.getSchema());
            // Free text (a search, a language preference, a source note) may hold anything shorter than its limit.
            boolean freeText = Contract.is(schema, "string") && schema.getEnum() == null && schema.getFormat() == null
                    && schema.getPattern() == null;
            for (Object bad : badValues(schema, false)) {
                boolean harmless = freeText && INJECTIONS.contains(bad)
                        || freeText && schema.getMaxLength() == null;
                if (harmless && !op.method().equals("GET")) {
                    continue; // a write with valid free text is a valid write, not hostile input
                }
                Attempt attempt = base.but("query " + parameter.getName() + "=" + abbreviate(bad));
                attempt.query.put(parameter.getName(), bad);
                attempt.mayRead = harmless;
                attempts.add(attempt);
            }
            if (parameter.getName().equals("size")) {
                Attempt attempt = base.but("query size=100000");
                attempt.query.put("size", 100000);
                attempts.add(attempt);
            }
        }
        if (op.hasParameter("header", "Idempotency-Key")) {
            Attempt attempt = base.but("an overlong Idempotency-Key");
            attempt.headers.put("Idempotency-Key", "k".repeat(101));
            attempts.add(attempt);
        }
        if (op.bodyTypes().contains("application/json")) {
            jsonAttempts(op, base, fixture, attempts);
        }
        if (op.bodyTypes().contains("text/csv")) {
            csvAttempts(base, attempts);
        }
        return attempts;
    }

    @SuppressWarnings("unchecked")
    private static void jsonAttempts(Op op, Attempt base, Fixture fixture, List<Attempt> attempts) {
        for (String malformed : List.of("{\"name\": ", "[1, 2", "nul", "", "null", "[]", "\"text\"", "{\"a\":1}}")) {
            attempts.add(base.but("body " + malformed).text(malformed));
        }
        for (String type : List.of("text/plain", "application/xml", "text/html")) {
            Attempt attempt = base.but("Content-Type " + type);
            attempt.contentType = type;
            attempts.add(attempt);
        }
        Schema<?> schema = op.jsonBodySchema();
        Object valid = Contract.valid(schema, null, fixture::id);
        if (!(valid instanceof Map)) {
            return;
        }
        Map<String, Object> body = (Map<String, Object>) valid;
        Map<String, Object> unknown = new LinkedHashMap<>(body);
        unknown.put("unexpectedProperty", "x");
        attempts.add(base.but("an unknown property").json(unknown));
        if (!Contract.required(schema).isEmpty()) {
            attempts.add(base.but("an empty object").json(Map.of()));
        }
        for (String property : Contract.required(schema)) {
            Map<String, Object> without = new LinkedHashMap<>(body);
            without.remove(property);
            attempts.add(base.but("without " + property).json(without));
        }
        Contract.properties(schema).forEach((property, declared) -> {
            for (Object bad : badBodyValues(declared, property, fixture)) {
                Map<String, Object> broken = new LinkedHashMap<>(body);
                broken.put(property, bad);
                attempts.add(base.but(property + "=" + abbreviate(bad)).json(broken));
            }
        });
    }

    private static void csvAttempts(Attempt base, List<Attempt> attempts) {
        String csv = new String(base.body, StandardCharsets.UTF_8);
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        invalid.writeBytes(new byte[] {'A', 'B', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, ',', 'x', '\n'});
        Attempt utf8 = base.but("CSV with invalid UTF-8");
        utf8.body = invalid.toByteArray();
        attempts.add(utf8);
        attempts.add(base.but("CSV with an unclosed quote").text(header + "\"unclosed,quote\n"));
        attempts.add(base.but("an empty CSV").text(""));
        attempts.add(base.but("CSV without its header").text("just,some,values\n"));
        for (String injection : INJECTIONS) {
            attempts.add(base.but("CSV " + injection).text(header + injection + "\n"));
        }
        for (String type : List.of("application/json", "text/plain; charset=UTF-16")) {
            Attempt attempt = base.but("Content-Type " + type);
            attempt.contentType = type;
            if (type.equals("application/json")) {
                attempt.text("{}");
            }
            attempts.add(attempt);
        }
    }

    /** Values of a parameter that break its schema (or, for free text, only look hostile). */
    private static List<Object> badValues(Schema<?> declared, boolean inPath) {
        Schema<?> schema = Contract.concrete(declared);
        List<Object> bad = new ArrayList<>();
        if (Contract.is(schema, "integer") || Contract.is(schema, "number")) {
            bad.add("abc");
            bad.add("99999999999999999999999");
            bad.add("1.5e400");
            if (schema.getMinimum() != null) {
                bad.add(schema.getMinimum().subtract(BigDecimal.ONE));
            }
            if (schema.getMaximum() != null) {
                bad.add(schema.getMaximum().add(BigDecimal.ONE));
            }
            bad.addAll(INJECTIONS);
        } else if (Contract.is(schema, "boolean")) {
            bad.add("maybe");
        } else if (schema.getEnum() != null) {
            bad.add("NOT_A_VALUE");
            bad.addAll(INJECTIONS);
        } else {
            if (schema.getFormat() != null) {
                bad.add("soon");
            }
            // Longer than allowed; unbounded text stays under the URL length limit of the server.
            bad.add("x".repeat(schema.getMaxLength() != null ? schema.getMaxLength() + 1 : inPath ? 300 : 1000));
            bad.addAll(INJECTIONS);
        }
        return bad;
    }

    /** Values of a body property that its schema refuses. */
    private static List<Object> badBodyValues(Schema<?> declared, String name, Fixture fixture) {
        Schema<?> schema = Contract.concrete(declared);
        List<Object> bad = new ArrayList<>();
        bad.add(Map.of("wrong", "type"));
        if (Contract.is(schema, "integer") || Contract.is(schema, "number")) {
            bad.add("abc");
            bad.add(true);
            bad.add(new BigDecimal("99999999999999999999999"));
            if (schema.getMinimum() != null) {
                bad.add(schema.getMinimum().subtract(BigDecimal.ONE));
            }
            if (schema.getExclusiveMinimumValue() != null) {
                bad.add(schema.getExclusiveMinimumValue());
            }
            if (schema.getMaximum() != null) {
                bad.add(schema.getMaximum().add(BigDecimal.ONE));
            }
        } else if (Contract.is(schema, "boolean")) {
            bad.add("maybe");
            bad.add(12);
        } else if (Contract.is(schema, "array")) {
            bad.add("not a list");
            bad.add(List.of(Map.of("wrong", "type")));
            if (schema.getMaxItems() != null) {
                List<Object> tooMany = new ArrayList<>();
                for (int i = 0; i <= schema.getMaxItems(); i++) {
                    tooMany.add(Contract.valid(schema.getItems(), null, fixture::id));
                }
                bad.add(tooMany);
            }
        } else if (Contract.is(schema, "object")) {
            bad.add("not an object");
            bad.add(List.of());
            if (!Contract.required(schema).isEmpty()) {
                bad.add(Map.of());
            }
            bad.add(Map.of("unexpectedProperty", 1));
        } else {
            bad.add(12345);
            bad.add(List.of("a"));
            if (schema.getEnum() != null) {
                bad.add("NOT_A_VALUE");
            }
            if (schema.getMaxLength() != null) {
                bad.add("x".repeat(schema.getMaxLength() + 1));
            } else if (schema.getEnum() == null) {
                bad.add("x".repeat(100_001));
            }
            if (schema.getMinLength() != null && schema.getMinLength() > 0) {
                bad.add("");
            }
            if (schema.getFormat() != null || schema.getPattern() != null || schema.getEnum() != null) {
                bad.addAll(INJECTIONS); // free text may hold these; a code, date or address may not
            }
        }
        return bad;
    }

    private static void check(Attempt attempt, Response answer, List<String> wrong) {
        int status = answer.statusCode();
        String what = attempt.op.key() + " with " + attempt.what;
        if (attempt.mayRead && status == 200) {
            if (attempt.query.containsKey("q") && answer.contentType().startsWith("application/json")) {
                Number total = answer.path("total");
                if (total != null && total.longValue() != 0) {
                    wrong.add(what + ": found " + total + " (a search for hostile text must find nothing)");
                }
            }
            return;
        }
        if (status < 400 || status >= 500) {
            wrong.add(what + ": " + status + " " + abbreviate(answer.asString()));
        } else if (!attempt.op.documentedStatuses().contains(status)) {
            wrong.add(what + ": " + status + " is not documented for the operation — " + abbreviate(answer.asString()));
        } else if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")
                || !Integer.valueOf(status).equals(answer.path("status"))) {
            wrong.add(what + ": " + status + " but not a problem: " + answer.contentType() + " " + abbreviate(answer.asString()));
        }
    }

    /** A body announced larger than lc.http.max-body-size is refused before it is read. */
    private static void checkHugeBody(Op op, Attempt base, List<String> wrong) throws Exception {
        String path = op.path();
        for (Map.Entry<String, Object> parameter : base.path.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", String.valueOf(parameter.getValue()));
        }
        String answer = RawHttp.announceBody(RestAssured.port, op.method(), path, base.contentType, 31L * 1024 * 1024, TOKEN);
        String what = op.key() + " with a 31 MB body";
        if (!answer.startsWith("HTTP/1.1 413")) {
            wrong.add(what + ": " + abbreviate(answer));
        } else if (!op.documentedStatuses().contains(413)) {
            wrong.add(what + ": 413 is not documented for the operation");
        } else if (!answer.toLowerCase().contains("content-type: application/problem+json")) {
            wrong.add(what + ": 413 but not a problem");
        }
    }

    /** What the sweep must not change: counts and versions read through the API. */
    private static Map<String, Object> snapshot(Fixture fixture) {
        Map<String, Object> state = new TreeMap<>();
        for (String list : List.of("/api/members", "/api/organisations", "/api/clusters", "/api/cluster-terms",
                "/api/membership-calls", "/api/applications", "/api/reference/income-group-editions",
                "/api/funds/" + fixture.id("fundId") + "/journal")) {
            state.put(list, Api.as("sam", "secretariat").get(list).then().statusCode(200).extract().path("total"));
        }
        state.put("focal points", Api.as("sam", "secretariat").get("/api/members/" + fixture.id("memberId") + "/focal-points")
                .then().statusCode(200).extract().path("total"));
        state.put("trial balance", Api.as("sam", "secretariat").get("/api/funds/" + fixture.id("fundId") + "/trial-balance")
                .then().statusCode(200).extract().path("totalDebits"));
        for (String versioned : List.of("/api/members/" + fixture.id("memberId"), "/api/organisations/" + fixture.id("organisationId"),
                "/api/clusters/" + fixture.id("clusterId"), "/api/reference/countries/KE",
                "/api/clusters/" + fixture.id("clusterId") + "/terms/" + fixture.id("termId") + "/work-plan")) {
            state.put(versioned, Api.as("sam", "secretariat").get(versioned).then().statusCode(200).extract().header("ETag"));
        }
        return state;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value).replace('\n', ' ');
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
    }
}
