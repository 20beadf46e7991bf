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

    @Test
    void pledgesImportTheSameWayAllOrNothingWithLineNumberedErrorsAndTwiceRecordsNothingTwice() {
        long fundId = fund();
        long a = donor("GOVERNMENT");
        long b = donor("COMPANY");
        long line = Funds.budgetLine(fundId, 1);
        String ref = Funds.unique("AGR");
        String header = "date,donor_reference,amount,currency,rate,pledge_reference,earmark,expected_payment_dates\n";
        String good = header
                + "2019-03-01," + a + ",1000.00,EUR,1.1," + ref + "-1,REGION:AFRICA,2019-06-30;2020-06-30\n"
                + "2019-04-15," + b + ",10000,JPY,0.0091," + ref + "-2,BUDGET_LINE:" + line + ",\n"
                + "2019-05-01," + b + ",500.00,USD,," + ref + "-3,,\n";
        String bad = header
                + "2019-03-01," + a + ",1000.00,EUR,1.1," + ref + "-1,REGION:AFRICA,2019-06-30\n"
                + "2019-04-15,999999999,10000,JPY,0.0091," + ref + "-2,,\n"
                + "2019-05-01," + b + ",500.00,USD,," + ref + "-3,CLUSTER:x,\n"
                + "2019-05-02," + b + ",500.00,USD,," + ref + "-1,,\n"
                + "2019-05-03," + b + ",125,JPY,0.0091," + ref + "-5,,2019-99-01\n"
                + "2019-05-04," + b + ",12.5,JPY,0.0091," + ref + "-6,,\n";
        String pledges = "/api/funds/" + fundId + "/pledges/import";

        csv().queryParam("dryRun", true).body(bad).post(pledges).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rowsRead", equalTo(6)).body("rowsAccepted", equalTo(0))
                .body("errors.line", contains(3, 4, 5, 6, 7))
                .body("errors.field", contains("donor_reference", "earmark", "pledge_reference", "expected_payment_dates", "amount"));
        csv().body(bad).post(pledges).then().statusCode(422).body("errors.line", contains(3, 4, 5, 6, 7));
        assertEquals("0.00", Funds.summary(fundId).get("pledged"), "nothing stored");

        csv().queryParam("dryRun", true).body(good).post(pledges).then().statusCode(200)
                .body("created", equalTo(3)).body("errors.size()", equalTo(0));
        assertEquals("0.00", Funds.summary(fundId).get("pledged"), "a dry run stores nothing");

        String key = Funds.unique("pledges");
        csv().header("Idempotency-Key", key).body(good).post(pledges).then().statusCode(201)
                .body("created", equalTo(3)).body("unchanged", equalTo(0));
        // 1000 EUR x 1.1 = 1100.00; 10000 JPY x 0.0091 = 91.00; + 500.00
        assertEquals("1691.00", Funds.summary(fundId).get("pledged"));
        assertEquals("1691.00", Funds.summary(fundId).get("outstandingPledges"));
        csv().header("Idempotency-Key", key).body(good).post(pledges).then().statusCode(201)
                .header("Idempotency-Replayed", "true");
        csv().header("Idempotency-Key", key).body(bad).post(pledges).then().statusCode(422);
        // The same file again without the key (or with another): matched by pledge reference.
        csv().body(good).post(pledges).then().statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals("1691.00", Funds.summary(fundId).get("pledged"));

        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + a + "/statement").then().statusCode(200)
                .body("pledges.size()", equalTo(1)).body("pledges[0].earmark.region", equalTo("AFRICA"))
                .body("pledges[0].outstanding", equalTo("1000.00"));
        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + b + "/statement").then().statusCode(200)
                .body("pledges.earmark.kind", contains("BUDGET_LINE", "NONE"));
        Funds.balancedTrialBalance(fundId);
        as("dora", "donor").contentType("text/csv").body(good).post(pledges).then().statusCode(403);
        csv().body("date,amount\n2019-01-01,1\n").post(pledges).then().statusCode(400);
    }
}
