package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberImportTest {

    @Inject
    EntityManager em;

    private static final String HEADER = "externalId,name,localName,country,population,areaKm2,yearJoined,status,website,"
            + "latitude,longitude,languages,mayorName,mayorTitle,topics,lastProgressReport\r\n";

    private static io.restassured.specification.RequestSpecification upload(String csv) {
        // RestAssured would send text/* as ISO-8859-1 unless told otherwise.
        return as("sam", "secretariat").contentType("text/csv; charset=UTF-8").body(csv);
    }

    private static long count(String tag) {
        return ((Number) given().queryParam("q", tag).get("/api/members").then().extract().path("total")).longValue();
    }

    private static long idOf(String name) {
        return ((Number) given().queryParam("q", name).get("/api/members").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id")).longValue();
    }

    /** The stored audit rows of a city, oldest first: action, actor subject and the changes as stored (JSON). */
    @SuppressWarnings("unchecked")
    private List<Object[]> auditRows(long id) {
        return em.createNativeQuery("SELECT action, actor_subject, changes FROM audit_event"
                + " WHERE entity_type = 'member_city' AND entity_id = ?1 ORDER BY id").setParameter(1, String.valueOf(id)).getResultList();
    }

    private long rowsOf(String sql, String tag) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, tag + "%").getSingleResult()).longValue();
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
    void aNewCityIsStoredAuditedAndGetsItsFirstStatusEntry() {
        String tag = "New" + UUID.randomUUID().toString().substring(0, 6);
        String csv = HEADER
                + tag + "-1,\"" + tag + " Turin, Piedmont\",Torino,it,848885,130.01,2016,SUSPENDED,https://www.comune.torino.it,"
                + "45.0703,7.6869,it;en;it,Stefano Lo Russo,Mayor,10;8;8,2024-05-02\r\n"
                + "," + tag + " Cork,,IE,,,2015,,,,,,,,,\r\n";
        as("ines", "secretariat").contentType("text/csv; charset=UTF-8").body(csv).post("/api/members/import")
                .then().statusCode(201).body("created", equalTo(2));
        long turin = idOf(tag + " Turin");
        long cork = idOf(tag + " Cork");

        // Read back as any city: version 0, values as given (country upper-cased, languages and topics without repeats).
        given().get("/api/members/" + turin).then().statusCode(200).header("ETag", "\"0\"")
                .body("externalId", equalTo(tag + "-1")).body("name", equalTo(tag + " Turin, Piedmont"))
                .body("localName", equalTo("Torino")).body("country.iso2", equalTo("IT")).body("population", equalTo(848885))
                .body("areaKm2", equalTo(130.01f)).body("yearJoined", equalTo(2016)).body("status", equalTo("SUSPENDED"))
                .body("website", equalTo("https://www.comune.torino.it")).body("latitude", equalTo(45.0703f))
                .body("longitude", equalTo(7.6869f)).body("languages", contains("it", "en"))
                .body("mayor.name", equalTo("Stefano Lo Russo")).body("mayor.title", equalTo("Mayor"))
                .body("topics", contains(8, 10)).body("lastProgressReport", equalTo("2024-05-02"))
                .body("nextProgressReportDue", equalTo("2026-12-31"));
        given().get("/api/members/" + cork).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("MEMBER")).body("topics", hasSize(0)).body("nextProgressReportDue", equalTo("2017-12-31"));

        // One CREATE row each, by the importer, with every value it was given.
        List<Object[]> audit = auditRows(turin);
        assertEquals(1, audit.size());
        assertEquals("CREATE", audit.get(0)[0]);
        assertEquals("ines-id", audit.get(0)[1]);
        assertEquals("[{\"field\":\"areaKm2\",\"old\":null,\"new\":130.01},"
                + "{\"field\":\"countryIso2\",\"old\":null,\"new\":\"IT\"},"
                + "{\"field\":\"externalId\",\"old\":null,\"new\":\"" + tag + "-1\"},"
                + "{\"field\":\"languages\",\"old\":null,\"new\":\"it,en\"},"
                + "{\"field\":\"lastProgressReport\",\"old\":null,\"new\":\"2024-05-02\"},"
                + "{\"field\":\"latitude\",\"old\":null,\"new\":45.0703},"
                + "{\"field\":\"localName\",\"old\":null,\"new\":\"Torino\"},"
                + "{\"field\":\"longitude\",\"old\":null,\"new\":7.6869},"
                + "{\"field\":\"mayorName\",\"old\":null,\"new\":\"Stefano Lo Russo\"},"
                + "{\"field\":\"mayorTitle\",\"old\":null,\"new\":\"Mayor\"},"
                + "{\"field\":\"name\",\"old\":null,\"new\":\"" + tag + " Turin, Piedmont\"},"
                + "{\"field\":\"nextReportDue\",\"old\":null,\"new\":\"2026-12-31\"},"
                + "{\"field\":\"population\",\"old\":null,\"new\":848885},"
                + "{\"field\":\"status\",\"old\":null,\"new\":\"SUSPENDED\"},"
                + "{\"field\":\"topics\",\"old\":null,\"new\":[8,10]},"
                + "{\"field\":\"website\",\"old\":null,\"new\":\"https://www.comune.torino.it\"},"
                + "{\"field\":\"yearJoined\",\"old\":null,\"new\":2016}]", audit.get(0)[2]);
        assertEquals(1, auditRows(cork).size());

        // The first entry of each city's status history, by the importer.
        as("sam", "secretariat").get("/api/members/" + turin + "/status-changes").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].fromStatus", equalTo(null)).body("items[0].toStatus", equalTo("SUSPENDED"))
                .body("items[0].reason", equalTo("Added by CSV import")).body("items[0].recordedBy", equalTo("ines"))
                .body("items[0].date", equalTo(LocalDate.now().toString()));
        as("sam", "secretariat").get("/api/members/" + cork + "/status-changes").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].toStatus", equalTo("MEMBER"));
    }

    @Test
    void aMixedFileCreatesUpdatesAndLeavesTheRestAlone() {
        String tag = "Mix" + UUID.randomUUID().toString().substring(0, 6);
        String first = HEADER
                + tag + "-1," + tag + " Same,,FR,1000,,2019,MEMBER,,,,fr,,,1,\r\n"
                + tag + "-2," + tag + " Changing,,FR,2000,,2019,MEMBER,,,,fr,,,2,\r\n";
        upload(first).post("/api/members/import").then().statusCode(201).body("created", equalTo(2));
        long same = idOf(tag + " Same");
        long changing = idOf(tag + " Changing");

        String second = HEADER
                + tag + "-1," + tag + " Same,,FR,1000,,2019,MEMBER,,,,fr,,,1,\r\n"
                + tag + "-2," + tag + " Changing,,FR,2500,,2019,SUSPENDED,,,,fr,,,2;3,\r\n"
                + tag + "-3," + tag + " Added,,FR,3000,,2020,MEMBER,,,,fr,,,4,\r\n";
        upload(second).post("/api/members/import").then().statusCode(201)
                .body("rowsRead", equalTo(3)).body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        long added = idOf(tag + " Added");

        given().get("/api/members/" + same).then().header("ETag", "\"0\"");
        given().get("/api/members/" + changing).then().header("ETag", "\"1\"").body("population", equalTo(2500))
                .body("status", equalTo("SUSPENDED")).body("topics", contains(2, 3));
        given().get("/api/members/" + added).then().header("ETag", "\"0\"").body("topics", contains(4));
        assertEquals(List.of("CREATE"), auditRows(same).stream().map(r -> r[0]).toList());
        assertEquals(List.of("CREATE", "UPDATE"), auditRows(changing).stream().map(r -> r[0]).toList());
        assertEquals(List.of("CREATE"), auditRows(added).stream().map(r -> r[0]).toList());
        as("sam", "secretariat").get("/api/members/" + changing + "/status-changes").then()
                .body("items.reason", contains("Added by CSV import", "Changed by CSV import"))
                .body("items.toStatus", contains("MEMBER", "SUSPENDED"));
        as("sam", "secretariat").get("/api/members/" + same + "/status-changes").then().body("items", hasSize(1));

        // An update after the import still needs the version the import left.
        as("sam", "secretariat").contentType("application/json").header("If-Match", "\"0\"")
                .body(java.util.Map.of("name", tag + " Added", "country", "FR", "yearJoined", 2020, "population", 3100))
                .put("/api/members/" + added).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aDatabaseErrorInTheLastRowLeavesNothing() {
        String tag = "Last" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 30; i++) {
            rows.append(',').append(tag).append(" City ").append(i).append(",,DE,,,2019,MEMBER,,,,,,,1;2,\r\n");
        }
        // Passes the row checks, but is too large for the area column: the database refuses it.
        String tooLarge = rows + "," + tag + " Huge,,DE,,99999999999999,2019,MEMBER,,,,,,,,\r\n";
        upload(tooLarge).post("/api/members/import").then().statusCode(422).contentType("application/problem+json");
        // Two names the database holds equal (accents and case are ignored): the unique key refuses the second.
        String twins = rows + "," + tag + " Besançon,,DE,,,2019,MEMBER,,,,,,,,\r\n"
                + "," + tag + " Besancon,,DE,,,2019,MEMBER,,,,,,,,\r\n";
        upload(twins).post("/api/members/import").then().statusCode(409).contentType("application/problem+json");

        assertEquals(0, count(tag));
        assertEquals(0, rowsOf("SELECT COUNT(*) FROM member_city WHERE name LIKE ?1", tag));
        assertEquals(0, rowsOf("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'member_city' AND changes LIKE ?1",
                "%" + tag));
        assertEquals(0, rowsOf("SELECT COUNT(*) FROM member_status_change c JOIN member_city m ON m.id = c.member_id"
                + " WHERE m.name LIKE ?1", tag));
    }

    @Test
    void onlyTheSecretariatImports() {
        as("femi", "focal-point").contentType("text/csv").body(HEADER).post("/api/members/import").then().statusCode(403);
    }
}
