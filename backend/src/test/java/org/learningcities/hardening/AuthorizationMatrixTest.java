package org.learningcities.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.APPLICANT;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.AUTHENTICATED;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.CITY;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.CLUSTER;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.CLUSTER_OR_CITY;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.FOCAL_POINTS;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.FUND;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.OWN_STATEMENT;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.PUBLIC;
import static org.learningcities.hardening.AuthorizationMatrixTest.Rule.SECRETARIAT;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.learningcities.hardening.Contract.Op;
import org.learningcities.testsupport.Tokens;

/**
 * Who may call what. Every operation of openapi.yaml is called as each kind of caller, on real
 * data, and the answer's class (allowed, 401, 403) is checked against {@link #RULES}. An operation
 * in the contract without a row fails the build: a new endpoint needs a decided rule.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The callers. "Other" ones are real users too, just of another city, cluster or donor. */
    enum Actor {
        ANONYMOUS, SECRETARIAT, FUND_MANAGER, COORDINATOR, FOCAL_POINT, DONOR,
        OTHER_FOCAL_POINT, OTHER_COORDINATOR, OTHER_DONOR
    }

    /** Who is allowed; every other authenticated caller gets 403, an anonymous one 401. */
    enum Rule {
        /** Anyone, without a token. */
        PUBLIC(EnumSet.allOf(Actor.class)),
        /** Anyone with a token (the answer is about, or limited to, the caller). */
        AUTHENTICATED(EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS))),
        SECRETARIAT(EnumSet.of(Actor.SECRETARIAT)),
        /** The fund's people: fund manager and secretariat. */
        FUND(EnumSet.of(Actor.SECRETARIAT, Actor.FUND_MANAGER)),
        /** The secretariat or a focal point of the city in the path. */
        CITY(EnumSet.of(Actor.SECRETARIAT, Actor.FOCAL_POINT)),
        /** The secretariat or a coordinator of the cluster in the path, in that term. */
        CLUSTER(EnumSet.of(Actor.SECRETARIAT, Actor.COORDINATOR)),
        /** Joining and leaving: also the focal point of the city that joins or leaves. */
        CLUSTER_OR_CITY(EnumSet.of(Actor.SECRETARIAT, Actor.COORDINATOR, Actor.FOCAL_POINT)),
        /** A donor's statement: the fund's people, and that donor only. */
        OWN_STATEMENT(EnumSet.of(Actor.SECRETARIAT, Actor.FUND_MANAGER, Actor.DONOR)),
        /**
         * Fiches: the secretariat and any focal point may draft, edit and submit; which city's
         * fiche a focal point may touch is checked per fiche (CaseStudyWorkflowTest).
         */
        FOCAL_POINTS(EnumSet.of(Actor.SECRETARIAT, Actor.FOCAL_POINT, Actor.OTHER_FOCAL_POINT)),
        /** An application: the secretariat and the applicant (the fixture's focal point applied). */
        APPLICANT(EnumSet.of(Actor.SECRETARIAT, Actor.FOCAL_POINT));

        final Set<Actor> allowed;

        Rule(Set<Actor> allowed) {
            this.allowed = allowed;
        }

        int expected(Actor actor) {
            if (allowed.contains(actor)) {
                return 200; // any answer but 401/403 (a 404 or 422 on the test data still means "let in")
            }
            return actor == Actor.ANONYMOUS ? 401 : 403;
        }
    }

    /** One line per operation of the contract: method, path template, rule. */
    static final Map<String, Rule> RULES = table(
            row("GET", "/api/client-config", PUBLIC),
            row("GET", "/api/me", AUTHENTICATED),
            row("GET", "/api/stats", PUBLIC),
            row("GET", "/api/me/work-queue", AUTHENTICATED),
            row("GET", "/api/reference/regions", PUBLIC),
            row("GET", "/api/reference/topic-groups", PUBLIC),
            row("GET", "/api/reference/topics", PUBLIC),
            row("GET", "/api/reference/topics/{number}", PUBLIC),
            row("GET", "/api/reference/work-areas", PUBLIC),
            row("GET", "/api/reference/income-groups", PUBLIC),
            row("GET", "/api/reference/income-group-editions", PUBLIC),
            row("POST", "/api/reference/income-group-editions", SECRETARIAT),
            row("GET", "/api/reference/countries", PUBLIC),
            row("GET", "/api/reference/countries/{iso2}", PUBLIC),
            row("PATCH", "/api/reference/countries/{iso2}", SECRETARIAT),
            row("GET", "/api/reference/currencies", PUBLIC),

            row("GET", "/api/members", PUBLIC),
            row("POST", "/api/members", SECRETARIAT),
            row("POST", "/api/members/import", SECRETARIAT),
            row("GET", "/api/members/overdue-reports", SECRETARIAT),
            row("GET", "/api/members/{memberId}", PUBLIC),
            row("PUT", "/api/members/{memberId}", SECRETARIAT),
            row("PUT", "/api/members/{memberId}/profile", CITY),
            row("GET", "/api/members/{memberId}/status-changes", PUBLIC),
            row("POST", "/api/members/{memberId}/status-changes", SECRETARIAT),
            row("GET", "/api/members/{memberId}/progress-reports", PUBLIC),
            row("POST", "/api/members/{memberId}/progress-reports", CITY),
            row("GET", "/api/members/{memberId}/focal-points", CITY),
            row("POST", "/api/members/{memberId}/focal-points", CITY),
            row("PUT", "/api/members/{memberId}/focal-points/{focalPointId}", CITY),
            row("DELETE", "/api/members/{memberId}/focal-points/{focalPointId}", CITY),
            row("GET", "/api/me/cities", AUTHENTICATED),

            row("GET", "/api/organisations", PUBLIC),
            row("POST", "/api/organisations", SECRETARIAT),
            row("POST", "/api/organisations/import", SECRETARIAT),
            row("GET", "/api/organisations/{organisationId}", PUBLIC),
            row("PUT", "/api/organisations/{organisationId}", SECRETARIAT),

            row("GET", "/api/cluster-terms", PUBLIC),
            row("POST", "/api/cluster-terms", SECRETARIAT),
            row("GET", "/api/cluster-terms/{termId}/work-plan-sums", PUBLIC),
            row("GET", "/api/clusters", PUBLIC),
            row("POST", "/api/clusters", SECRETARIAT),
            row("GET", "/api/clusters/{clusterId}", PUBLIC),
            row("PUT", "/api/clusters/{clusterId}", SECRETARIAT),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/coordinators", PUBLIC),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/coordinators", SECRETARIAT),
            row("DELETE", "/api/clusters/{clusterId}/terms/{termId}/coordinators/{memberId}", SECRETARIAT),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/members", PUBLIC),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/members", CLUSTER_OR_CITY),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/leave", CLUSTER_OR_CITY),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/balance", PUBLIC),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/work-plan", PUBLIC),
            row("PUT", "/api/clusters/{clusterId}/terms/{termId}/work-plan", CLUSTER),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/work-plan/from-template", CLUSTER),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/work-plan/activities", CLUSTER),
            row("PUT", "/api/clusters/{clusterId}/terms/{termId}/work-plan/activities/{activityId}", CLUSTER),
            row("DELETE", "/api/clusters/{clusterId}/terms/{termId}/work-plan/activities/{activityId}", CLUSTER),

            row("GET", "/api/membership-calls", PUBLIC),
            row("POST", "/api/membership-calls", SECRETARIAT),
            row("GET", "/api/membership-calls/{callId}", PUBLIC),
            row("POST", "/api/membership-calls/{callId}/applications", AUTHENTICATED),
            row("GET", "/api/applications", AUTHENTICATED),
            row("GET", "/api/applications/{applicationId}", APPLICANT),
            row("POST", "/api/applications/{applicationId}/endorsement", SECRETARIAT),
            row("POST", "/api/applications/{applicationId}/recommendation", SECRETARIAT),
            row("POST", "/api/applications/{applicationId}/decision", SECRETARIAT),

            row("POST", "/api/funds", FUND),
            row("GET", "/api/funds/{fundId}", PUBLIC),
            row("GET", "/api/funds/{fundId}/summary", PUBLIC),
            row("POST", "/api/donors", FUND),
            row("POST", "/api/funds/{fundId}/pledges", FUND),
            row("POST", "/api/funds/{fundId}/receipts", FUND),
            row("POST", "/api/funds/{fundId}/allocations", FUND),
            row("POST", "/api/funds/{fundId}/expenditures", FUND),
            row("POST", "/api/funds/{fundId}/refunds", FUND),
            row("POST", "/api/funds/{fundId}/interest", FUND),
            row("POST", "/api/funds/{fundId}/bank-charges", FUND),
            row("POST", "/api/funds/{fundId}/entries/{entryId}/reversal", FUND),
            row("GET", "/api/funds/{fundId}/movements/{movementId}", FUND),
            row("GET", "/api/funds/{fundId}/journal", FUND),
            row("GET", "/api/funds/{fundId}/trial-balance", FUND),
            row("GET", "/api/funds/{fundId}/donors/{donorId}/statement", OWN_STATEMENT),
            row("GET", "/api/funds", PUBLIC),
            row("GET", "/api/funds/{fundId}/uses", PUBLIC),
            row("GET", "/api/donors", FUND),
            row("GET", "/api/me/donors", AUTHENTICATED),
            row("POST", "/api/funds/{fundId}/receipts/import", FUND),
            row("POST", "/api/funds/{fundId}/pledges/import", FUND),

            row("GET", "/api/surveys", PUBLIC),
            row("POST", "/api/surveys", SECRETARIAT),
            row("GET", "/api/surveys/{surveyId}", PUBLIC),
            row("PUT", "/api/surveys/{surveyId}", SECRETARIAT),
            row("GET", "/api/surveys/{surveyId}/results", PUBLIC),
            row("GET", "/api/surveys/{surveyId}/answers", SECRETARIAT),
            row("POST", "/api/surveys/{surveyId}/answers/import", SECRETARIAT),
            row("GET", "/api/surveys/{surveyId}/answers/{memberId}", CITY),
            row("PUT", "/api/surveys/{surveyId}/answers/{memberId}", CITY),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/candidates", SECRETARIAT),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/reports", PUBLIC),
            row("POST", "/api/clusters/{clusterId}/terms/{termId}/reports", CLUSTER),
            row("PUT", "/api/clusters/{clusterId}/terms/{termId}/reports/{reportId}", CLUSTER),
            row("GET", "/api/cluster-reports/due", SECRETARIAT),
            row("GET", "/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/progress", PUBLIC),
            row("PUT", "/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/progress/{year}", CLUSTER_OR_CITY),
            row("PUT", "/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/outcomes/{kind}", CLUSTER_OR_CITY),
            row("GET", "/api/news", PUBLIC),

            row("GET", "/api/projects", PUBLIC),
            row("POST", "/api/projects", SECRETARIAT),
            row("POST", "/api/projects/import", SECRETARIAT),
            row("GET", "/api/projects/{projectId}", PUBLIC),
            row("PUT", "/api/projects/{projectId}", SECRETARIAT),
            row("GET", "/api/toolkits", PUBLIC),
            row("POST", "/api/toolkits", SECRETARIAT),
            row("GET", "/api/toolkits/{toolkitId}", PUBLIC),
            row("PUT", "/api/toolkits/{toolkitId}", SECRETARIAT),
            row("GET", "/api/resources", PUBLIC),
            row("POST", "/api/resources", SECRETARIAT),
            row("POST", "/api/resources/import", SECRETARIAT),
            row("GET", "/api/resources/{resourceId}", PUBLIC),
            row("PUT", "/api/resources/{resourceId}", SECRETARIAT),
            row("POST", "/api/resources/{resourceId}/files", SECRETARIAT),
            row("GET", "/api/resources/{resourceId}/files/{fileId}", PUBLIC),
            row("DELETE", "/api/resources/{resourceId}/languages/{language}/file", SECRETARIAT),
            row("GET", "/api/case-study-categories", PUBLIC),
            row("POST", "/api/case-study-categories", SECRETARIAT),
            row("GET", "/api/case-studies", PUBLIC),
            row("POST", "/api/case-studies", FOCAL_POINTS),
            row("GET", "/api/case-studies/{caseStudyId}", PUBLIC),
            row("PUT", "/api/case-studies/{caseStudyId}", FOCAL_POINTS),
            row("POST", "/api/case-studies/{caseStudyId}/submission", FOCAL_POINTS),
            row("POST", "/api/case-studies/{caseStudyId}/publication", SECRETARIAT),
            row("POST", "/api/case-studies/{caseStudyId}/return", SECRETARIAT),
            row("GET", "/api/search", PUBLIC),
            row("GET", "/api/translation-status", SECRETARIAT),

            row("GET", "/api/audit", SECRETARIAT),
            row("GET", "/api/audit/{entityType}/{entityId}", SECRETARIAT));

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        List<Op> operations = new ArrayList<>(Contract.operations());
        Set<String> inContract = new TreeSet<>();
        operations.forEach(op -> inContract.add(op.key()));
        Set<String> missing = new TreeSet<>(inContract);
        missing.removeAll(RULES.keySet());
        assertTrue(missing.isEmpty(), "operations in openapi.yaml without an authorization rule in the matrix: " + missing);
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(inContract);
        assertTrue(stale.isEmpty(), "rows for operations no longer in openapi.yaml: " + stale);

        Fixture fixture = new Fixture().create();
        // Deletions last, so what they remove is there for every other operation.
        operations.sort(Comparator.comparing(op -> op.method().equals("DELETE")));
        List<String> wrong = new ArrayList<>();
        for (Op op : operations) {
            Rule rule = RULES.get(op.key());
            // Callers who must be refused go first: they must change nothing, and find the data as it was.
            List<Actor> actors = new ArrayList<>(List.of(Actor.values()));
            actors.sort(Comparator.comparing(rule.allowed::contains));
            for (Actor actor : actors) {
                Response answer = call(op, actor, fixture);
                int status = answer.statusCode();
                int expected = rule.expected(actor);
                boolean ok = expected == 200 ? status != 401 && status != 403 && status < 500 : status == expected;
                if (!ok) {
                    wrong.add(op.key() + " as " + actor + ": " + status + ", expected "
                            + (expected == 200 ? "to be let in" : expected) + " — " + answer.asString());
                }
            }
        }

        // Probing ids must not tell a stranger what exists: a missing application is as forbidden as another's.
        expectStatus(wrong, RestAssured.given().header(auth(fixture, Actor.OTHER_FOCAL_POINT)).get("/api/applications/999999999"), 403,
                "GET /api/applications/999999999 as a non-applicant");
        expectStatus(wrong, RestAssured.given().header(auth(fixture, Actor.SECRETARIAT)).get("/api/applications/999999999"), 404,
                "GET /api/applications/999999999 as the secretariat");
        expectStatus(wrong, RestAssured.given().header(auth(fixture, Actor.DONOR))
                        .get("/api/funds/" + fixture.id("fundId") + "/donors/999999999/statement"), 403,
                "a donor asking for a donor that does not exist");
        assertEquals(List.of(), wrong, "answers that break the authorization matrix:\n" + String.join("\n", wrong));
    }

    private static void expectStatus(List<String> wrong, Response answer, int expected, String what) {
        if (answer.statusCode() != expected) {
            wrong.add(what + ": " + answer.statusCode() + ", expected " + expected + " — " + answer.asString());
        }
    }

    /** A request the contract allows, on the fixture's data, as this caller. */
    static Response call(Op op, Actor actor, Fixture fixture) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(true);
        if (actor != Actor.ANONYMOUS) {
            request.header(auth(fixture, actor));
        }
        String path = op.path();
        for (Parameter parameter : op.parameters("path")) {
            Object value = fixture.id(parameter.getName());
            if (value == null) {
                value = parameter.getExample() != null ? parameter.getExample() : Contract.valid(parameter.getSchema(), parameter.getName(), fixture::id);
            }
            path = path.replace("{" + parameter.getName() + "}", String.valueOf(value));
        }
        for (Parameter parameter : op.parameters("query")) {
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                request.queryParam(parameter.getName(), Contract.valid(parameter.getSchema(), parameter.getName(), fixture::id));
            }
        }
        if (op.hasParameter("query", "dryRun")) {
            request.queryParam("dryRun", true); // an import is authorized the same way; nothing is stored
        }
        if (op.hasParameter("header", "If-Match")) {
            request.header("If-Match", "*");
        }
        if (op.bodyTypes().contains("application/json")) {
            request.contentType("application/json").body(Contract.json(Contract.valid(op.jsonBodySchema(), null, fixture::id)));
        } else if (op.bodyTypes().contains("multipart/form-data")) {
            // A small plain-text file: who may upload is decided before what is uploaded.
            request.multiPart("language", "en").multiPart("file", "note.txt", "A note.".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        } else if (op.bodyTypes().contains("text/csv")) {
            request.contentType("text/csv; charset=UTF-8").body(op.csvExample());
        }
        return request.request(op.method(), path);
    }

    static io.restassured.http.Header auth(Fixture fixture, Actor actor) {
        String token = switch (actor) {
            case SECRETARIAT -> Tokens.forUser("matrix-secretariat", "secretariat");
            case FUND_MANAGER -> Tokens.forUser("matrix-fund-manager", "fund-manager");
            case COORDINATOR -> Tokens.forUser(fixture.coordinator, "coordinator");
            case FOCAL_POINT -> Tokens.forUser(fixture.focalPoint, "focal-point");
            case DONOR -> Tokens.forUser(fixture.donor, "donor");
            case OTHER_FOCAL_POINT -> Tokens.forUser(fixture.otherFocalPoint, "focal-point");
            case OTHER_COORDINATOR -> Tokens.forUser(fixture.otherCoordinator, "coordinator");
            case OTHER_DONOR -> Tokens.forUser(fixture.otherDonor, "donor");
            case ANONYMOUS -> throw new IllegalArgumentException("no token");
        };
        return new io.restassured.http.Header("Authorization", "Bearer " + token);
    }

    private static Map.Entry<String, Rule> row(String method, String path, Rule rule) {
        return Map.entry(method + " " + path, rule);
    }

    @SafeVarargs
    private static Map<String, Rule> table(Map.Entry<String, Rule>... rows) {
        Map<String, Rule> table = new LinkedHashMap<>();
        for (Map.Entry<String, Rule> row : rows) {
            if (table.put(row.getKey(), row.getValue()) != null) {
                throw new IllegalStateException("two rows for " + row.getKey());
            }
        }
        return table;
    }
}
