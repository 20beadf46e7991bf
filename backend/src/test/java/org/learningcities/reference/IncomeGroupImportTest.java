package org.learningcities.reference;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncomeGroupImportTest {

    private static final String HEADER = "iso3,economy,wb_region,income_group,lending_category\n";
    private static final String GOOD = HEADER
            + "SEN,Senegal,Sub-Saharan Africa,Upper middle income,IDA\n"
            + "KEN,Kenya,Sub-Saharan Africa,Lower middle income,Blend\n"
            + "\"CHI\",\"Channel Islands, the\",Europe & Central Asia,High income,..\n";

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<ReferenceCache.Changed> referenceChanged;

    @AfterEach
    void removeTestEditions() {
        QuarkusTransaction.requiringNew().run(() -> {
            CountryIncomeGroup.delete("editionCode like 'TEST%'");
            IncomeGroupEdition.delete("code like 'TEST%'");
            referenceChanged.fire(new ReferenceCache.Changed());
        });
    }

    private static io.restassured.specification.RequestSpecification upload(String code, String date, String csv) {
        return as("sam", "secretariat").contentType("text/csv").body(csv)
                .queryParam("code", code).queryParam("effectiveDate", date);
    }

    @Test
    void aDryRunReportsEveryBadRowWithItsLineAndStoresNothing() {
        String bad = HEADER
                + "SEN,Senegal,x,Upper middle income,IDA\n"
                + "KEN,Kenya,x,Rich,IDA\n"
                + ",Nowhere,x,Low income,IDA\n"
                + "SEN,Senegal again,x,Low income,IDA\n";
        upload("TEST-DRY", "2030-07-01", bad).queryParam("dryRun", true)
                .post("/api/reference/income-group-editions")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("rowsRead", equalTo(4))
                .body("rowsAccepted", equalTo(0))
                .body("errors.line", contains(3, 4, 5))
                .body("errors.field", contains("income_group", "iso3", "iso3"));
        given().get("/api/reference/income-group-editions").then().body("items.code", not(hasItem("TEST-DRY")));

        // The same file for real is refused as a whole.
        upload("TEST-DRY", "2030-07-01", bad).post("/api/reference/income-group-editions")
                .then().statusCode(422).contentType("application/problem+json").body("errors", hasSize(3));
        given().get("/api/reference/income-group-editions").then().body("items.code", not(hasItem("TEST-DRY")));
    }

    @Test
    void aNewerEditionBecomesCurrentAndCountriesSayWhichEditionTheyUse() {
        upload("TEST-FY2031", "2030-07-01", GOOD).post("/api/reference/income-group-editions")
                .then().statusCode(201)
                .body("rowsAccepted", equalTo(2))
                .body("warnings[0].line", equalTo(4))
                .body("warnings[0].field", equalTo("iso3"));
        given().get("/api/reference/income-group-editions")
                .then().body("items[0].code", equalTo("TEST-FY2031")).body("items[0].current", equalTo(true))
                .body("items[0].classifiedCountries", equalTo(2))
                .body("items.find { it.code == 'FY2020' }.current", equalTo(false));
        given().get("/api/reference/countries/SN")
                .then().body("incomeGroup.code", equalTo("UPPER_MIDDLE")).body("incomeGroup.edition", equalTo("TEST-FY2031"));
        given().queryParam("incomeGroup", "UPPER_MIDDLE").get("/api/reference/countries")
                .then().body("items.iso2", contains("SN"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndNeverLoadsTwice() {
        String key = UUID.randomUUID().toString();
        upload("TEST-IDEM", "2018-07-01", GOOD).header("Idempotency-Key", key).post("/api/reference/income-group-editions")
                .then().statusCode(201).body("rowsAccepted", equalTo(2));
        upload("TEST-IDEM", "2018-07-01", GOOD).header("Idempotency-Key", key).post("/api/reference/income-group-editions")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("rowsAccepted", equalTo(2));
        // Same key, other request: refused rather than silently answered with the first result.
        upload("TEST-IDEM2", "2018-07-01", GOOD).header("Idempotency-Key", key).post("/api/reference/income-group-editions")
                .then().statusCode(422).contentType("application/problem+json");
        // Without a key, a second load of the same edition is a conflict.
        upload("TEST-IDEM", "2018-07-01", GOOD).post("/api/reference/income-group-editions")
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/reference/income-group-editions").then().body("items.code", not(hasItem("TEST-IDEM2")));
    }

    @Test
    void onlyTheSecretariatImportsAndOnlyCsv() {
        as("dana", "donor").contentType("text/csv").body(GOOD).queryParam("code", "TEST-X").queryParam("effectiveDate", "2030-07-01")
                .post("/api/reference/income-group-editions").then().statusCode(403);
        org.learningcities.testsupport.Api.givenBadRequest().contentType("text/csv").body(GOOD).queryParam("code", "TEST-X").queryParam("effectiveDate", "2030-07-01")
                .post("/api/reference/income-group-editions").then().statusCode(401);
        org.learningcities.testsupport.Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body("{}").queryParam("code", "TEST-X").queryParam("effectiveDate", "2030-07-01")
                .post("/api/reference/income-group-editions").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrWithABadDateIsA400() {
        upload("TEST-COLS", "2030-07-01", "code,group\nSEN,Low income\n").post("/api/reference/income-group-editions")
                .then().statusCode(400).body("errors.field", contains("iso3", "income_group"));
        org.learningcities.testsupport.Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("text/csv").body(GOOD).queryParam("code", "TEST-D").queryParam("effectiveDate", "July 2030")
                .post("/api/reference/income-group-editions").then().statusCode(400).body("errors[0].field", equalTo("effectiveDate"));
    }
}
