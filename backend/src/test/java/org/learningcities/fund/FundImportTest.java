package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundImportTest {

    private static io.restassured.specification.RequestSpecification csv() {
        return as("fiona", "fund-manager").contentType("text/csv");
    }

    @Test
    void aBankStatementImportsAllOrNothingWithLineNumberedErrorsAndTwiceRecordsNothingTwice() {
        long fundId = fund();
        long a = donor("GOVERNMENT");
        long b = donor("COMPANY");
        String ref = Funds.unique("BANK");
        String good = "value_date,donor_reference,amount,currency,rate,bank_reference\n"
                + "2019-06-28," + a + ",1000.01,EUR,0.5," + ref + "-1\n"
                + "2019-07-02," + b + ",2750,JPY,0.0091," + ref + "-2\n"
                + "2019-07-03," + b + ",100.00,USD,," + ref + "-3\n";
        String bad = "value_date,donor_reference,amount,currency,rate,bank_reference\n"
                + "2019-06-28," + a + ",1000.01,EUR,0.5," + ref + "-1\n"
                + "2019-13-01,999999999,12.5,JPY,0.0091," + ref + "-2\n"
                + "2019-07-03," + b + ",100.00,EUR,," + ref + "-3\n";

        csv().queryParam("dryRun", true).body(bad).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rowsRead", equalTo(3)).body("rowsAccepted", equalTo(0))
                .body("errors.line", contains(3, 4)).body("errors.field", contains("donor_reference", "rate"));
        csv().body(bad).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(422)
                .body("errors.line", contains(3, 4));
        assertEquals("0.00", Funds.summary(fundId).get("received"), "nothing stored");

        csv().queryParam("dryRun", true).body(good).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(200)
                .body("created", equalTo(3)).body("errors.size()", equalTo(0));
        assertEquals("0.00", Funds.summary(fundId).get("received"), "a dry run stores nothing");

        String key = Funds.unique("import");
        csv().header("Idempotency-Key", key).body(good).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(201)
                .body("created", equalTo(3)).body("unchanged", equalTo(0));
        // 1000.01 x 0.5 = 500.005 -> 500.00; 2750 x 0.0091 = 25.025 -> 25.02; + 100.00
        assertEquals("625.02", Funds.summary(fundId).get("received"));
        csv().header("Idempotency-Key", key).body(good).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(201)
                .header("Idempotency-Replayed", "true");
        // The same statement again without the key (or with another): matched by bank reference.
        csv().body(good).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(201)
                .body("created", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals("625.02", Funds.summary(fundId).get("received"));
        Funds.balancedTrialBalance(fundId);
        as("dora", "donor").contentType("text/csv").body(good).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(403);
    }
}
