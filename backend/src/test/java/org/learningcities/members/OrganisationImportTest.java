package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

@QuarkusTest
class OrganisationImportTest {

    private static final String HEADER = "externalId,name,kind,country,website,contactName,contactRole,contactEmail,contactPhone\n";

    private final String token = "Imp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    /** UTF-8 as the contract asks (REST Assured would otherwise send text/csv as ISO-8859-1). */
    private static RequestSpecification upload(String csv) {
        return as("sam", "secretariat").contentType("text/csv; charset=UTF-8").body(csv);
    }

    private String goodFile() {
        return HEADER
                + token + "-1," + token + " Institute,TECHNICAL_PARTNER,DE,https://institute.example.org,Ada Ncube,Director,ada@example.org,\n"
                + "," + token + " Learning Network,NGO,,,,,,\n"
                + token + "-3,\"" + token + " Centre, \"\"Skills\"\" & Jobs\",skills_centre,ZA,,\"Line\nbreak\",,,\r\n";
    }

    private List<String> names() {
        return given().queryParam("q", token).get("/api/organisations").then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndStoresNothing() {
        upload(goodFile()).queryParam("dryRun", true).post("/api/organisations/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rowsRead", equalTo(3)).body("rowsAccepted", equalTo(3))
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("errors", empty());
        assertEquals(List.of(), names());
    }

    @Test
    void oneBadRowAndNothingIsStoredWhileEveryBadRowIsReportedWithLineAndColumn() {
        String bad = HEADER
                + token + "-1," + token + " Good One,NGO,KE,,,,,\n"
                + "," + token + " Charity,CHARITY,KE,,,,,\n"
                + ",,NGO,XX,not-a-url,,,,\n"
                + "," + token + " Contact,NGO,,,,,ada@example.org,\n"
                + token + "-1," + token + " Duplicate Id,NGO,KE,,,,,\n"
                + "," + token + " good one,UNIVERSITY,KE,,,,,\n";
        upload(bad).queryParam("dryRun", true).post("/api/organisations/import")
                .then().statusCode(200)
                .body("rowsRead", equalTo(6)).body("rowsAccepted", equalTo(0)).body("created", equalTo(0))
                .body("errors.line", contains(3, 4, 4, 4, 5, 6, 7))
                .body("errors.field", contains("kind", "name", "country", "website", "contactName", "externalId", "name"));
        upload(bad).post("/api/organisations/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.line", contains(3, 4, 4, 4, 5, 6, 7));
        assertEquals(List.of(), names());
    }

    @Test
    void theSameFileTwiceChangesNothingTheSecondTime() {
        upload(goodFile()).post("/api/organisations/import")
                .then().statusCode(201).body("dryRun", equalTo(false)).body("created", equalTo(3));
        assertEquals(List.of(token + " Centre, \"Skills\" & Jobs", token + " Institute", token + " Learning Network"), names());
        List<Integer> versions = given().queryParam("q", token).get("/api/organisations").then().extract().jsonPath().getList("items.version");

        upload(goodFile()).post("/api/organisations/import")
                .then().statusCode(201)
                .body("rowsAccepted", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(versions, given().queryParam("q", token).get("/api/organisations").then().extract().jsonPath().getList("items.version"));
        as("sam", "secretariat").queryParam("q", token).queryParam("country", "ZA").get("/api/organisations")
                .then().body("items[0].kind", equalTo("SKILLS_CENTRE")).body("items[0].contacts[0].name", equalTo("Line\nbreak"));
    }

    @Test
    void anExportImportsBackWithNoChangeAndAnEditedExportUpdatesOnlyWhatChanged() {
        String contacts = "\"contacts\":[{\"name\":\"Ada, \\\"the\\\" Director\",\"email\":\"ada@example.org\"},{\"name\":\"Second Person\"}]";
        as("sam", "secretariat").contentType("application/json")
                .body("{\"externalId\":\"" + token + "-A\",\"name\":\"" + token + " Académie\",\"kind\":\"UNIVERSITY\",\"country\":\"SN\","
                        + "\"website\":\"https://academie.example.org\"," + contacts + "}")
                .post("/api/organisations").then().statusCode(201);
        as("sam", "secretariat").contentType("application/json")
                .body("{\"name\":\"" + token + " Fund\",\"kind\":\"DONOR_GOVERNMENT\",\"country\":\"NO\"}")
                .post("/api/organisations").then().statusCode(201);
        upload(HEADER + "," + token + " Worldwide,INTERNATIONAL_ORGANISATION,,,,,,\n").post("/api/organisations/import")
                .then().statusCode(201).body("created", equalTo(1));

        String export = as("sam", "secretariat").accept("text/csv").queryParam("q", token).get("/api/organisations")
                .then().statusCode(200).extract().asString();
        upload(export).post("/api/organisations/import")
                .then().statusCode(201).body("rowsRead", equalTo(3))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));

        // A changed cell updates that organisation; the first contact is replaced and the second kept.
        String edited = export.replace("https://academie.example.org", "https://www.academie.example.org")
                .replace("Ada, \"\"the\"\" Director", "Awa Diop");
        upload(edited).post("/api/organisations/import")
                .then().statusCode(201).body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(2));
        as("sam", "secretariat").queryParam("q", token).queryParam("country", "SN").get("/api/organisations")
                .then().body("items[0].website", equalTo("https://www.academie.example.org"))
                .body("items[0].contacts.name", contains("Awa Diop", "Second Person"));
    }

    @Test
    void rowsWithoutExternalIdMatchByCountryAndName() {
        upload(HEADER + "," + token + " Bureau,OTHER,CL,,,,,\n").post("/api/organisations/import").then().statusCode(201);
        upload(HEADER + token + "-B," + token + " bureau,REGIONAL_ORGANISATION,CL,,,,,\n").post("/api/organisations/import")
                .then().statusCode(201).body("created", equalTo(0)).body("updated", equalTo(1));
        given().queryParam("q", token).get("/api/organisations")
                .then().body("total", equalTo(1)).body("items[0].externalId", equalTo(token + "-B"))
                .body("items[0].kind", equalTo("REGIONAL_ORGANISATION"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        upload(goodFile()).header("Idempotency-Key", key).post("/api/organisations/import")
                .then().statusCode(201).body("created", equalTo(3));
        upload(goodFile()).header("Idempotency-Key", key).post("/api/organisations/import")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("created", equalTo(3));
        upload(HEADER).header("Idempotency-Key", key).post("/api/organisations/import")
                .then().statusCode(422);
    }

    @Test
    void onlyTheSecretariatImportsAndOnlyCsv() {
        as("dana", "donor").contentType("text/csv").body(goodFile()).post("/api/organisations/import").then().statusCode(403);
        Api.givenBadRequest().contentType("text/csv").body(goodFile()).post("/api/organisations/import").then().statusCode(401);
        Api.givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body("{}").post("/api/organisations/import").then().statusCode(415);
        upload("title,type\nx,y\n").post("/api/organisations/import")
                .then().statusCode(400).body("errors.field", contains("name", "kind"));
        assertEquals(List.of(), names());
    }
}
