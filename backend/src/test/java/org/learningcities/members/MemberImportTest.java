package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberImportTest {

    private static final String HEADER = "externalId,name,localName,country,population,areaKm2,yearJoined,status,website,"
            + "latitude,longitude,languages,mayorName,mayorTitle,topics,lastProgressReport\r\n";

    private static io.restassured.specification.RequestSpecification upload(String csv) {
        // RestAssured would send text/* as ISO-8859-1 unless told otherwise.
        return as("sam", "secretariat").contentType("text/csv; charset=UTF-8").body(csv);
    }

    private static long count(String tag) {
        return ((Number) given().queryParam("q", tag).get("/api/members").then().extract().path("total")).longValue();
    }

    @Test
    void aDryRunChecksEveryRowAndWritesNothing() {
        String tag = "Imp" + UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + "," + tag + " Alpha,,FR,100,,2019,MEMBER,,,,fr,,,1;2,\r\n"
                + "," + tag + " Beta,,ZZ,abc,,2019,ASLEEP,,95,10,fr,,,14,\r\n"
                + "," + tag + " Gamma,,DE,,,,MEMBER,,,,,,,,\r\n";
        upload(csv).queryParam("dryRun", true).post("/api/members/import").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rowsRead", equalTo(3))
                .body("errors.line", contains(3, 3, 3, 3, 3, 4))
                .body("errors.field", contains("country", "latitude", "population", "status", "topics", "yearJoined"));
        assertEquals(0, count(tag));
        // The same file for real: one bad row and nothing is written.
        upload(csv).post("/api/members/import").then().statusCode(422).contentType("application/problem+json");
        assertEquals(0, count(tag));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String tag = "Imp" + UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + tag + "-1,\"" + tag + " Turin, Piedmont\",Torino,IT,848885,130.01,2016,MEMBER,https://www.comune.torino.it,45.0703,7.6869,it;en,"
                + "Stefano Lo Russo,Mayor,8;10,2024-05-02\r\n"
                + "," + tag + " Cork,,IE,222333,,2015,SUSPENDED,,,,en,,,,\r\n";
        upload(csv).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/members/import")
                .then().statusCode(201).body("created", equalTo(2)).body("updated", equalTo(0));
        upload(csv).post("/api/members/import").then().statusCode(201)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        given().queryParam("q", tag + " Turin").get("/api/members").then()
                .body("items[0].name", equalTo(tag + " Turin, Piedmont")).body("items[0].topics", contains(8, 10));
        Number cork = given().queryParam("q", tag + " Cork").get("/api/members").then()
                .body("items[0].status", equalTo("SUSPENDED")).extract().path("items[0].id");
        given().get("/api/members/" + cork + "/status-changes").then().body("items[0].toStatus", equalTo("SUSPENDED"));

        // A changed row updates the city matched by externalId (even when renamed).
        String changed = HEADER + tag + "-1," + tag + " Torino,Torino,IT,850000,130.01,2016,MEMBER,,45.0703,7.6869,it,,,8,\r\n";
        upload(changed).post("/api/members/import").then().statusCode(201).body("updated", equalTo(1)).body("created", equalTo(0));
        given().queryParam("q", tag + " Torino").get("/api/members").then().body("items[0].population", equalTo(850000));
    }

    @Test
    void anExportImportsBackWithNoChange() {
        String tag = "Exp" + UUID.randomUUID().toString().substring(0, 6);
        Members.create(java.util.Map.of("name", tag + " Medellín", "country", "CO", "yearJoined", 2015,
                "latitude", 6.2442, "longitude", -75.5812, "languages", java.util.List.of("es"),
                "mayor", java.util.Map.of("name", "Federico Gutiérrez", "title", "Alcalde"), "topics", java.util.List.of(1, 10)));
        Members.create(java.util.Map.of("name", tag + " \"Quoted\", city", "country", "CO", "yearJoined", 2020,
                "localName", "Línea\nnueva", "areaKm2", 12.5));
        String csv = given().accept("text/csv").queryParam("q", tag).get("/api/members")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith(String.join(",", MemberCsv.COLUMNS) + "\r\n"), csv);
        upload(csv).post("/api/members/import").then().statusCode(201)
                .body("rowsRead", equalTo(2)).body("unchanged", equalTo(2)).body("created", equalTo(0)).body("updated", equalTo(0));
        String again = given().accept("text/csv").queryParam("q", tag).get("/api/members").then().extract().asString();
        assertEquals(csv, again);
    }

    @Test
    void theCharsetTheUploadNamesIsHonoured() {
        String tag = "Cs" + UUID.randomUUID().toString().substring(0, 6);
        byte[] latin1 = (HEADER + "," + tag + " Besançon,,FR,,,2019,MEMBER,,,,,,,,\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        as("sam", "secretariat").contentType("text/csv; charset=ISO-8859-1").body(latin1)
                .post("/api/members/import").then().statusCode(201).body("created", equalTo(1));
        given().queryParam("q", tag).get("/api/members").then().body("items[0].name", equalTo(tag + " Besançon"));
    }

    @Test
    void onlyTheSecretariatImports() {
        as("femi", "focal-point").contentType("text/csv").body(HEADER).post("/api/members/import").then().statusCode(403);
    }
}
