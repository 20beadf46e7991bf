package org.learningcities.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberCity;
import org.learningcities.members.Members;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    private static io.restassured.response.ValidatableResponse history(String type, Object id) {
        return as("sam", "secretariat").get("/api/audit/" + type + "/" + id).then().statusCode(200);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMemberEditRecordsWhoWhenAndOldAndNewValues() {
        String name = Members.unique("Audited");
        long id = Members.create(Map.of("name", name, "country", "FR", "yearJoined", 2018, "population", 1000, "topics", List.of(1, 2)));
        as("edith", "secretariat").contentType("application/json").header("If-Match", Members.etag(id))
                .body(Map.of("name", name + " renamed", "country", "FR", "yearJoined", 2018, "population", 2500, "topics", List.of(2, 7)))
                .put("/api/members/" + id).then().statusCode(200);

        history("member_city", id).body("total", equalTo(2))
                .body("items.action", contains("UPDATE", "CREATE"))
                .body("items[0].entityType", equalTo("member_city")).body("items[0].entityId", equalTo(String.valueOf(id)))
                .body("items[0].actor.subject", equalTo("edith-id")).body("items[0].actor.username", equalTo("edith"))
                .body("items[0].actor.name", equalTo("Test edith"))
                .body("items[0].at", org.hamcrest.Matchers.startsWith(LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .body("items[0].changes.find { it.field == 'name' }.old", equalTo(name))
                .body("items[0].changes.find { it.field == 'name' }.new", equalTo(name + " renamed"))
                .body("items[0].changes.find { it.field == 'population' }.old", equalTo(1000))
                .body("items[0].changes.find { it.field == 'population' }.new", equalTo(2500))
                .body("items[0].changes.find { it.field == 'topics' }.old", contains(1, 2))
                .body("items[0].changes.find { it.field == 'topics' }.new", contains(2, 7))
                // Unchanged fields are not listed.
                .body("items[0].changes.field", org.hamcrest.Matchers.not(hasItem("countryIso2")))
                .body("items[1].actor.subject", equalTo("sam-id"))
                .body("items[1].changes.find { it.field == 'name' }.old", equalTo(null))
                .body("items[1].changes.find { it.field == 'name' }.new", equalTo(name));
    }

    @Test
    void creatingAnOrganisationIsRecorded() {
        String name = unique("Audited Foundation");
        Number id = as("sam", "secretariat").contentType("application/json").body(Map.of("name", name, "kind", "FOUNDATION"))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        history("organisation", id).body("items", hasSize(1)).body("items[0].action", equalTo("CREATE"))
                .body("items[0].actor.subject", equalTo("sam-id"))
                .body("items[0].changes.find { it.field == 'name' }.new", equalTo(name))
                .body("items[0].changes.find { it.field == 'kind' }.new", equalTo("FOUNDATION"));
        // The same change in the filtered trail.
        as("sam", "secretariat").queryParam("entityType", "organisation").queryParam("actor", "sam")
                .queryParam("from", LocalDate.now().minusDays(1).toString()).queryParam("size", 200)
                .get("/api/audit").then().statusCode(200).body("items.entityId", hasItem(String.valueOf(id)));
    }

    @Test
    void appointingAClusterCoordinatorIsRecorded() {
        Number termId = as("sam", "secretariat").contentType("application/json")
                .body(Map.of("code", unique("T"), "startsOn", "2024-01-01", "endsOn", "2027-12-31"))
                .post("/api/cluster-terms").then().statusCode(201).extract().path("id");
        String name = unique("Audit cluster");
        Number clusterId = as("sam", "secretariat").contentType("application/json")
                .body(Map.of("name", Map.of("en", name, "fr", name, "es", name), "description", Map.of("en", "About"),
                        "topics", List.of(1), "status", "ACTIVE"))
                .post("/api/clusters").then().statusCode(201).extract().path("id");
        long city = Members.create(Members.unique("Coordinating"), "IT", 2019);
        as("carla", "secretariat").contentType("application/json").body(Map.of("memberId", city))
                .post("/api/clusters/" + clusterId + "/terms/" + termId + "/coordinators").then().statusCode(201);

        Long membershipId = em.createQuery("select m.id from ClusterMembership m where m.memberId = ?1", Long.class)
                .setParameter(1, city).getSingleResult();
        history("cluster_membership", membershipId).body("items", hasSize(1)).body("items[0].action", equalTo("CREATE"))
                .body("items[0].actor.subject", equalTo("carla-id"))
                .body("items[0].changes.find { it.field == 'coordinator' }.new", equalTo(true))
                .body("items[0].changes.find { it.field == 'memberId' }.new", equalTo((int) city))
                .body("items[0].changes.find { it.field == 'clusterId' }.new", equalTo(clusterId.intValue()));
        history("cluster", clusterId).body("items[0].action", equalTo("CREATE"))
                .body("items[0].changes.find { it.field == 'topics' }.new", contains(1));
    }

    @Test
    void aChangeThatIsRolledBackRecordsNothing() {
        long id = Members.create(Members.unique("Rolled back"), "DE", 2019);
        // Flushed to the database, then the transaction fails.
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            MemberCity city = MemberCity.findById(id);
            city.population = 123L;
            em.flush();
            throw new IllegalStateException("the change fails after its SQL ran");
        }));
        history("member_city", id).body("items.action", contains("CREATE"));

        // Through the API: the fund row is written, then a bad budget line refuses the whole request.
        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        Number agent = as("sam", "secretariat").contentType("application/json").body(Map.of("name", unique("Agent"), "kind", "FOUNDATION"))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        Map<String, Object> line = Map.of("code", "L1", "name", "Line", "planned", "10.00");
        as("fiona", "fund-manager").contentType("application/json").body(Map.of("code", code, "name", "Audited fund",
                        "startsOn", "2019-01-01", "endsOn", "2021-12-31", "target", "1000.00", "agentOrganisationId", agent,
                        "budgetLines", List.of(line, line)))
                .post("/api/funds").then().statusCode(422);
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'fund'"
                + " AND changes LIKE ?1").setParameter(1, "%" + code + "%").getSingleResult()).longValue());
    }

    @Test
    void fundReferenceDataIsRecordedAndJournalEntriesNameTheirAuthorsSubject() {
        String code = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        Number agent = as("sam", "secretariat").contentType("application/json").body(Map.of("name", unique("Agent"), "kind", "FOUNDATION"))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        Number fundId = as("fiona", "fund-manager").contentType("application/json").body(Map.of("code", code, "name", "Audited fund",
                        "startsOn", "2019-01-01", "endsOn", "2021-12-31", "target", "1000.00", "agentOrganisationId", agent,
                        "budgetLines", List.of(Map.of("code", "L1", "name", "Line", "planned", "10.00"))))
                .post("/api/funds").then().statusCode(201).extract().path("id");
        history("fund", fundId).body("items[0].action", equalTo("CREATE")).body("items[0].actor.subject", equalTo("fiona-id"))
                .body("items[0].changes.find { it.field == 'code' }.new", equalTo(code))
                .body("items[0].changes.find { it.field == 'targetUsd' }.new", equalTo(1000.00f));
        Number lineId = as("fiona", "fund-manager").get("/api/funds/" + fundId).then().extract().path("budgetLines[0].id");
        history("fund_budget_line", lineId).body("items[0].changes.find { it.field == 'code' }.new", equalTo("L1"));

        Number donor = as("fiona", "fund-manager").contentType("application/json")
                .body(Map.of("organisationId", agent, "donorType", "FOUNDATION"))
                .post("/api/donors").then().statusCode(201).extract().path("id");
        history("fund_donor", donor).body("items[0].changes.find { it.field == 'donorType' }.new", equalTo("FOUNDATION"));
        as("fiona", "fund-manager").contentType("application/json")
                .body(Map.of("donorId", donor, "amount", "100.00", "currency", "USD", "valueDate", "2019-06-30"))
                .post("/api/funds/" + fundId + "/receipts").then().statusCode(201);
        List<?> authors = em.createNativeQuery("SELECT CONCAT(posted_by, '/', posted_by_subject) FROM fund_journal_entry WHERE fund_id = ?1")
                .setParameter(1, fundId).getResultList();
        assertEquals(List.of("fiona/fiona-id"), authors);
    }

    @Test
    void onlyTheSecretariatReadsTheTrail() {
        givenBadRequest().get("/api/audit/member_city/1").then().statusCode(401).contentType("application/problem+json");
        givenBadRequest().get("/api/audit").then().statusCode(401);
        for (String role : List.of("fund-manager", "coordinator", "focal-point", "donor")) {
            as("x", role).get("/api/audit/member_city/1").then().statusCode(403).contentType("application/problem+json");
            as("x", role).get("/api/audit").then().statusCode(403);
        }
    }

    @Test
    void badTypesIdsAndFiltersAre4xx() {
        as("sam", "secretariat").get("/api/audit/no_such_table/1").then().statusCode(404);
        givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .get("/api/audit/Member-City/1").then().statusCode(400).body("errors[0].field", equalTo("entityType"));
        givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .queryParam("from", "yesterday").get("/api/audit").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("sam", "secretariat").queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/audit").then().statusCode(400);
        // A known type whose record has no history yet is an empty page, not an error.
        history("member_city", "999999999").body("total", equalTo(0));
    }

    @Test
    void startUpDataIsRecordedAsTheSystem() {
        as("sam", "secretariat").queryParam("entityType", "country").queryParam("size", 1)
                .get("/api/audit").then().statusCode(200).body("items[0].actor.subject", equalTo("system"))
                .body("items[0].action", equalTo("CREATE"));
    }
}
