package org.learningcities.hardening;

import static org.learningcities.testsupport.Api.as;

import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real data for the matrix and the sweep, made through the API: two member cities with their
 * focal points, a cluster with a coordinator (and another cluster with another), a fund with
 * two donors and a receipt, a membership call with an application, an organisation.
 */
final class Fixture {

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    // Logins (the tokens' preferred_username) tied to the data below.
    final String focalPoint = "fp-" + tag;
    final String otherFocalPoint = "fp-other-" + tag;
    final String coordinator = "coord-" + tag;
    final String otherCoordinator = "coord-other-" + tag;
    final String donor = "donor-" + tag;
    final String otherDonor = "donor-other-" + tag;

    final Map<String, Long> ids = new HashMap<>();

    static RequestSpecification secretariat() {
        return as("sam", "secretariat").contentType("application/json");
    }

    Fixture create() {
        long city = city("Fixture city");
        long otherCity = city("Other city");
        link(city, focalPoint);
        link(otherCity, otherFocalPoint);
        Number spare = secretariat().body(Map.of("name", "Spare focal point", "email", "spare-" + tag + "@example.org"))
                .post("/api/members/" + city + "/focal-points").then().statusCode(201).extract().path("id");
        ids.put("memberId", city);
        ids.put("otherMemberId", otherCity);
        ids.put("focalPointId", spare.longValue());

        long term = id(secretariat().body(Map.of("code", "T-" + tag, "startsOn", "2050-01-01", "endsOn", "2051-12-31"))
                .post("/api/cluster-terms"));
        long cluster = cluster("Fixture cluster");
        long otherCluster = cluster("Other cluster");
        coordinate(cluster, term, city("Coordinating city"), coordinator);
        coordinate(otherCluster, term, city("Other coordinating city"), otherCoordinator);
        String plan = "/api/clusters/" + cluster + "/terms/" + term + "/work-plan";
        Number activity = secretariat().post(plan + "/from-template").then().statusCode(201).extract().path("activities[0].id");
        ids.put("termId", term);
        ids.put("clusterId", cluster);
        ids.put("activityId", activity.longValue());

        long organisation = id(secretariat().body(Map.of("name", "Fixture organisation " + tag, "kind", "FOUNDATION"))
                .post("/api/organisations"));
        ids.put("organisationId", organisation);
        ids.put("agentOrganisationId", organisation);

        long fund = id(as("fiona", "fund-manager").contentType("application/json").body(Map.of("code", "F-" + tag, "name", "Fixture fund", "startsOn", "2019-01-01",
                "endsOn", "2021-12-31", "target", "1000000.00", "agentOrganisationId", organisation, "startFromStrategy", true))
                .post("/api/funds"));
        Number line = as("fiona", "fund-manager").get("/api/funds/" + fund).then().statusCode(200).extract().path("budgetLines[0].id");
        long donorId = donor(donor);
        donor(otherDonor);
        long receipt = id(as("fiona", "fund-manager").contentType("application/json")
                .body(Map.of("donorId", donorId, "amount", "50000.00", "currency", "USD", "valueDate", "2019-06-30"))
                .post("/api/funds/" + fund + "/receipts"));
        long allocation = id(as("fiona", "fund-manager").contentType("application/json")
                .body(Map.of("budgetLineId", line.longValue(), "amount", "1000.00", "valueDate", "2019-07-01"))
                .post("/api/funds/" + fund + "/allocations"));
        Number entry = as("fiona", "fund-manager").queryParam("kind", "RECEIPT").get("/api/funds/" + fund + "/journal")
                .then().statusCode(200).extract().path("items[0].id");
        ids.put("fundId", fund);
        ids.put("budgetLineId", line.longValue());
        ids.put("donorId", donorId);
        ids.put("movementId", receipt);
        ids.put("allocationId", allocation);
        ids.put("entryId", entry.longValue());

        LocalDate today = LocalDate.now();
        long call = id(secretariat().body(Map.of("title", "Fixture call " + tag, "opensOn", today.minusDays(1).toString(),
                "closesOn", today.plusDays(30).toString())).post("/api/membership-calls"));
        long application = id(as(focalPoint, "focal-point").contentType("application/json").body(application())
                .post("/api/membership-calls/" + call + "/applications"));
        ids.put("callId", call);
        ids.put("applicationId", application);
        ids.put("number", 1L); // a topic
        return this;
    }

    /** The id for a path parameter or body property of this name, or null when there is none. */
    Object id(String name) {
        return ids.get(name);
    }

    private long city(String prefix) {
        return id(secretariat().body(Map.of("name", prefix + " " + tag, "country", "KE", "yearJoined", 2019))
                .post("/api/members"));
    }

    private static void link(long city, String username) {
        secretariat().body(Map.of("name", "Focal " + username, "email", username + "@example.org", "username", username))
                .post("/api/members/" + city + "/focal-points").then().statusCode(201);
    }

    private long cluster(String name) {
        return id(secretariat().body(Map.of("name", Map.of("en", name + " " + tag), "topics", List.of(1), "status", "ACTIVE"))
                .post("/api/clusters"));
    }

    private static void coordinate(long cluster, long term, long city, String username) {
        link(city, username);
        secretariat().body(Map.of("memberId", city)).post("/api/clusters/" + cluster + "/terms/" + term + "/coordinators")
                .then().statusCode(201);
    }

    private long donor(String username) {
        long organisation = id(secretariat().body(Map.of("name", "Donor " + username, "kind", "FOUNDATION"))
                .post("/api/organisations"));
        return id(as("fiona", "fund-manager").contentType("application/json")
                .body(Map.of("organisationId", organisation, "donorType", "FOUNDATION", "username", username))
                .post("/api/donors"));
    }

    private Map<String, Object> application() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("city", "Applicant city " + tag);
        body.put("country", "KE");
        body.put("mayor", Map.of("name", "Maria Gómez"));
        body.put("contact", Map.of("name", "Luis Pérez", "email", "luis@example.org"));
        body.put("languageOfCommunication", "en");
        body.put("motivation", String.join(" ", Collections.nCopies(200, "learning")));
        body.put("implementation", "Libraries in every district.");
        body.put("commitsToDeclaration", true);
        return body;
    }

    private static long id(io.restassured.response.Response response) {
        Number id = response.then().statusCode(201).extract().path("id");
        return id.longValue();
    }
}
