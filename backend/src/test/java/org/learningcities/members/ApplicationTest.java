package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

@QuarkusTest
class ApplicationTest {

    private static final LocalDate TODAY = LocalDate.now();

    /** Unique names, so the cities this test admits never collide with another run's. */
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private static RequestSpecification secretariat() {
        return as("sam", "secretariat").contentType("application/json");
    }

    private static long openCall() {
        return MembershipCallTest.createCall("Open call " + UUID.randomUUID(), TODAY.minusDays(1), TODAY.plusDays(30));
    }

    private static String words(int count) {
        return String.join(" ", Collections.nCopies(count, "learning"));
    }

    private Map<String, Object> application(String city, String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("city", city);
        body.put("country", country);
        body.put("website", "https://" + tag + ".example.org");
        body.put("mayor", Map.of("name", "Maria Gómez", "title", "Mayor"));
        body.put("contact", Map.of("name", "Luis Pérez", "role", "Director of education", "organisation", "City Hall",
                "email", "luis@" + tag + ".example.org", "phone", "+57 4 123"));
        body.put("languageOfCommunication", "fr");
        body.put("population", 2533424);
        body.put("areaKm2", 380.64);
        body.put("gdpPerCapitaCityUsd", 9000);
        body.put("gdpPerCapitaCountryUsd", 6100.5);
        body.put("schoolingYearsMen", 9.1);
        body.put("schoolingYearsWomen", 9.4);
        body.put("motivation", words(200));
        body.put("implementation", "Libraries\tin every\ndistrict.");
        body.put("challenges", List.of(Map.of("challenge", "Low adult participation in learning", "rating", 4)));
        body.put("interests", "Education for sustainable development");
        body.put("expertise", "Learning festivals");
        body.put("commitsToDeclaration", true);
        return body;
    }

    private long submit(long callId, String user, Map<String, Object> body) {
        return as(user).contentType("application/json").body(body).post("/api/membership-calls/" + callId + "/applications")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse step(long id, String step, String body) {
        return secretariat().body(body).post("/api/applications/" + id + "/" + step).then();
    }

    private static io.restassured.response.ValidatableResponse endorse(long id) {
        return step(id, "endorsement", "{\"date\":\"" + TODAY + "\",\"signatory\":\"Secretary-General of the National Commission\"}");
    }

    private static io.restassured.response.ValidatableResponse recommend(long id, boolean recommended) {
        return step(id, "recommendation", "{\"recommended\":" + recommended + ",\"date\":\"" + TODAY + "\",\"note\":\"Strong strategy.\"}");
    }

    // ---- submitting

    @Test
    void anApplicantSubmitsDuringAnOpenCallAndFollowsTheirOwnApplication() {
        long call = openCall();
        Map<String, Object> body = application("Medellín " + tag, "co");
        var answer = as("ana-" + tag).contentType("application/json").body(body)
                .post("/api/membership-calls/" + call + "/applications")
                .then().statusCode(201)
                .header("Location", containsString("/api/applications/"))
                .body("callId", equalTo((int) call))
                .body("applicant", equalTo("ana-" + tag))
                .body("state", equalTo("SUBMITTED"))
                .body("memberId", nullValue())
                .body("steps.step", contains("SUBMITTED"))
                .body("steps[0].by", equalTo("ana-" + tag))
                .body("steps[0].date", equalTo(TODAY.toString()))
                .body("input.city", equalTo("Medellín " + tag))
                .body("input.country", equalTo("CO"))
                .body("input.contact.email", equalTo("luis@" + tag + ".example.org"))
                .body("input.challenges[0].rating", equalTo(4))
                .body("input.commitsToDeclaration", equalTo(true))
                .extract();
        long id = answer.jsonPath().getLong("id");

        as("ana-" + tag).get("/api/applications/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("input.implementation", equalTo("Libraries\tin every\ndistrict."));
        as("ana-" + tag).get("/api/applications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id));
        // Someone else sees neither the application nor it in their list.
        as("bob-" + tag).get("/api/applications/" + id).then().statusCode(403).contentType("application/problem+json");
        as("bob-" + tag, "focal-point").get("/api/applications").then().statusCode(200).body("total", equalTo(0));
        Api.givenBadRequest().get("/api/applications/" + id).then().statusCode(401);
        Api.givenBadRequest().get("/api/applications").then().statusCode(401);
        // The secretariat sees it in its queue, and the call counts it.
        as("sam", "secretariat").queryParam("callId", call).get("/api/applications")
                .then().statusCode(200).body("items.id", contains((int) id));
        as("sam", "secretariat").get("/api/applications/" + id).then().statusCode(200);
        Api.given().get("/api/membership-calls/" + call).then().body("applications", equalTo(1));
    }

    @Test
    void applicationsAreTakenOnlyWhileTheCallIsOpen() {
        long closed = MembershipCallTest.createCall("Closed " + tag, TODAY.minusDays(30), TODAY.minusDays(1));
        long future = MembershipCallTest.createCall("Future " + tag, TODAY.plusDays(1), TODAY.plusDays(30));
        as("ana-" + tag).contentType("application/json").body(application("Late " + tag, "CO"))
                .post("/api/membership-calls/" + closed + "/applications")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/problems/call-closed"))
                .body("detail", containsString("from " + TODAY.minusDays(30) + " to " + TODAY.minusDays(1)));
        as("ana-" + tag).contentType("application/json").body(application("Early " + tag, "CO"))
                .post("/api/membership-calls/" + future + "/applications")
                .then().statusCode(409).body("detail", containsString(TODAY.plusDays(1).toString()));
        as("ana-" + tag).contentType("application/json").body(application("Nowhere " + tag, "CO"))
                .post("/api/membership-calls/999999999/applications").then().statusCode(404);
        Api.givenBadRequest().contentType("application/json").body(application("Anonymous " + tag, "CO"))
                .post("/api/membership-calls/" + future + "/applications").then().statusCode(401);
        as("sam", "secretariat").queryParam("callId", closed).get("/api/applications").then().body("total", equalTo(0));
    }

    @Test
    void motivationAndImplementationHaveAtMost200Words() {
        long call = openCall();
        Map<String, Object> tooLong = application("Wordy " + tag, "CO");
        tooLong.put("motivation", words(201));
        tooLong.put("implementation", " " + words(150) + "\n\n" + words(60) + " ");
        as("ana-" + tag).contentType("application/json").body(tooLong).post("/api/membership-calls/" + call + "/applications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("motivation", "implementation"))
                .body("errors.message", contains("has 201 words; at most 200", "has 210 words; at most 200"));

        Map<String, Object> justRight = application("Concise " + tag, "CO");
        justRight.put("motivation", words(200));
        justRight.put("implementation", words(199) + "\u00a0learning");
        submit(call, "ana-" + tag, justRight);
    }

    @Test
    void theDeclarationMustBeGivenAndTheCountryKnown() {
        long call = openCall();
        Map<String, Object> body = application("Undeclared " + tag, "CO");
        body.put("commitsToDeclaration", false);
        as("ana-" + tag).contentType("application/json").body(body).post("/api/membership-calls/" + call + "/applications")
                .then().statusCode(422).body("errors.field", contains("commitsToDeclaration"));
        Map<String, Object> unknownCountry = application("Atlantis " + tag, "XX");
        as("ana-" + tag).contentType("application/json").body(unknownCountry).post("/api/membership-calls/" + call + "/applications")
                .then().statusCode(422).body("errors.field", contains("country"));
        Map<String, Object> english = application("Incomplete " + tag, "CO");
        english.remove("contact");
        english.put("languageOfCommunication", "es");
        Api.givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("ana-" + tag)).contentType("application/json")
                .body(english).post("/api/membership-calls/" + call + "/applications")
                .then().statusCode(422).body("errors.field", contains("contact", "languageOfCommunication"));
        as("sam", "secretariat").queryParam("callId", call).get("/api/applications").then().body("total", equalTo(0));
    }

    // ---- the review

    @Test
    void aNationalCommissionForwardsAtMostThreeApplicationsPerCall() {
        long call = openCall();
        List<Long> colombian = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            colombian.add(submit(call, "ana-" + tag, application("City " + i + " " + tag, "CO")));
        }
        long peruvian = submit(call, "ana-" + tag, application("Lima " + tag, "PE"));
        for (long id : colombian.subList(0, 3)) {
            endorse(id).statusCode(200).body("state", equalTo("ENDORSED"))
                    .body("steps[1].detail", equalTo("Secretary-General of the National Commission"));
        }
        // A recommended one still counts: it was forwarded.
        recommend(colombian.get(0), true).statusCode(200);
        endorse(colombian.get(3)).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/problems/three-per-country"))
                .body("detail", equalTo("A National Commission forwards at most three applications per call; CO already has 3 in this call."));
        as("sam", "secretariat").get("/api/applications/" + colombian.get(3)).then().body("state", equalTo("SUBMITTED"));
        endorse(peruvian).statusCode(200);
        // In another call, Colombia may forward three again.
        long nextCall = openCall();
        endorse(submit(nextCall, "ana-" + tag, application("City 5 " + tag, "CO"))).statusCode(200);

        as("sam", "secretariat").queryParam("callId", call).queryParam("state", "ENDORSED").queryParam("country", "CO")
                .get("/api/applications").then().body("total", equalTo(2));
        as("sam", "secretariat").queryParam("callId", call).queryParam("state", "SUBMITTED")
                .get("/api/applications").then().body("items.id", contains(colombian.get(3).intValue()));
    }

    @Test
    void simultaneousEndorsementsStillStopAtThree() throws Exception {
        long call = openCall();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(submit(call, "ana-" + tag, application("Race " + i + " " + tag, "KE")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Callable<Integer>> endorsements = new ArrayList<>();
            for (long id : ids) {
                endorsements.add(() -> endorse(id).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(endorsements)) {
                statuses.add(status.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(200, 200, 200, 409, 409, 409), statuses);
        } finally {
            pool.shutdown();
        }
        as("sam", "secretariat").queryParam("callId", call).queryParam("state", "ENDORSED")
                .get("/api/applications").then().body("total", equalTo(3));
    }

    @Test
    void stepsComeInOrder() {
        long id = submit(openCall(), "ana-" + tag, application("Orderly " + tag, "CL"));
        recommend(id, true).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("SUBMITTED"));
        step(id, "decision", "{\"outcome\":\"ADMITTED\",\"date\":\"" + TODAY + "\"}").statusCode(409);
        endorse(id).statusCode(200);
        endorse(id).statusCode(409);
        step(id, "decision", "{\"outcome\":\"ADMITTED\",\"date\":\"" + TODAY + "\"}").statusCode(409);
        recommend(id, false).statusCode(200).body("state", equalTo("NOT_RECOMMENDED"));
        recommend(id, true).statusCode(409);
    }

    @Test
    void onlyTheSecretariatRecordsSteps() {
        long id = submit(openCall(), "ana-" + tag, application("Guarded " + tag, "CL"));
        String body = "{\"date\":\"" + TODAY + "\",\"signatory\":\"Someone\"}";
        as("ana-" + tag).contentType("application/json").body(body).post("/api/applications/" + id + "/endorsement")
                .then().statusCode(403);
        Api.givenBadRequest().contentType("application/json").body(body).post("/api/applications/" + id + "/endorsement")
                .then().statusCode(401);
        endorse(999999999L).statusCode(404);
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsIt() {
        long id = submit(openCall(), "ana-" + tag, application("Rejected " + tag, "AR"));
        endorse(id).statusCode(200);
        recommend(id, false).statusCode(200);
        step(id, "decision", "{\"outcome\":\"REJECTED\",\"date\":\"" + TODAY + "\"}")
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        step(id, "decision", "{\"outcome\":\"REJECTED\",\"date\":\"" + TODAY + "\",\"reason\":\"   \"}")
                .statusCode(422).body("errors[0].field", equalTo("reason"));
        step(id, "decision", "{\"outcome\":\"REJECTED\",\"date\":\"" + TODAY + "\",\"reason\":\"No lifelong-learning strategy yet.\"}")
                .statusCode(200).body("state", equalTo("REJECTED")).body("memberId", nullValue())
                .body("steps.step", contains("SUBMITTED", "ENDORSED", "NOT_RECOMMENDED", "REJECTED"))
                .body("steps[3].detail", equalTo("No lifelong-learning strategy yet."));
        as("ana-" + tag).get("/api/applications/" + id).then().body("state", equalTo("REJECTED"));
    }

    @Test
    void admissionCreatesTheMemberCityWithTheApplicantAsFocalPoint() {
        String applicant = "ana-" + tag;
        String city = "Admitted City " + tag;
        long id = submit(openCall(), applicant, application(city, "CO"));
        endorse(id).statusCode(200);
        recommend(id, true).statusCode(200).body("state", equalTo("RECOMMENDED"));
        LocalDate decided = LocalDate.of(TODAY.getYear(), 1, 15);
        var answer = step(id, "decision", "{\"outcome\":\"ADMITTED\",\"date\":\"" + decided + "\"}")
                .statusCode(200)
                .body("state", equalTo("ADMITTED"))
                .body("memberId", notNullValue())
                .body("steps.step", contains("SUBMITTED", "ENDORSED", "RECOMMENDED", "ADMITTED"))
                .body("steps.by", contains(applicant, "sam", "sam", "sam"))
                .body("steps[3].date", equalTo(decided.toString()))
                .extract();
        long memberId = answer.jsonPath().getLong("memberId");
        as(applicant).get("/api/applications/" + id).then().body("state", equalTo("ADMITTED")).body("memberId", equalTo((int) memberId));

        QuarkusTransaction.requiringNew().run(() -> {
            MemberCity member = MemberCity.findById(memberId);
            assertEquals(city, member.name);
            assertEquals("CO", member.countryIso2);
            assertEquals(decided.getYear(), member.yearJoined);
            assertEquals(MemberStatus.MEMBER, member.status);
            assertEquals(2533424L, member.population);
            assertEquals("fr", member.languages);
            assertEquals("Maria Gómez", member.mayorName);
            assertEquals("https://" + tag + ".example.org", member.website);
            StatusChange joined = StatusChange.find("memberId", memberId).firstResult();
            assertEquals("Admitted through application " + id, joined.reason);
            assertEquals(decided, joined.date);
            List<FocalPoint> focalPoints = FocalPoint.list("memberId", memberId);
            assertEquals(1, focalPoints.size());
            FocalPoint focalPoint = focalPoints.get(0);
            assertEquals(applicant, focalPoint.username);
            assertEquals("Luis Pérez", focalPoint.name);
            assertEquals("luis@" + tag + ".example.org", focalPoint.email);
            assertEquals("City Hall", focalPoint.organisation);
            assertEquals("fr", focalPoint.preferredLanguage);
        });

        // Decided once only.
        step(id, "decision", "{\"outcome\":\"REJECTED\",\"date\":\"" + decided + "\",\"reason\":\"Changed our mind\"}").statusCode(409);
        as("sam", "secretariat").queryParam("state", "ADMITTED").queryParam("country", "CO").queryParam("size", 200)
                .get("/api/applications").then().body("items.id", hasItem((int) id))
                .body("items.id", not(hasItem(0)));
    }

    @Test
    void aCityAlreadyInTheDirectoryCannotBeAdmittedTwice() {
        String city = "Twice " + tag;
        long first = submit(openCall(), "ana-" + tag, application(city, "CO"));
        long second = submit(openCall(), "bob-" + tag, application(city, "CO"));
        for (long id : List.of(first, second)) {
            endorse(id).statusCode(200);
            recommend(id, true).statusCode(200);
        }
        step(first, "decision", "{\"outcome\":\"ADMITTED\",\"date\":\"" + TODAY + "\"}").statusCode(200);
        step(second, "decision", "{\"outcome\":\"ADMITTED\",\"date\":\"" + TODAY + "\"}")
                .statusCode(409).contentType("application/problem+json");
        // Nothing of the refused admission stays behind.
        as("sam", "secretariat").get("/api/applications/" + second).then().body("state", equalTo("RECOMMENDED"))
                .body("memberId", nullValue());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> FocalPoint.count("username", "bob-" + tag)));
    }
}
