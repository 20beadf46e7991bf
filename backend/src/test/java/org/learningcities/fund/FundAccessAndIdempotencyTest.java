package org.learningcities.fund;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.manager;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.fund.Funds.summary;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class FundAccessAndIdempotencyTest {

    @Test
    void theSameKeyAndBodyReturnTheFirstAnswerAndPostNothingTwice() {
        long fundId = fund();
        long donorId = donor("OTHER");
        Map<String, Object> body = Map.of("donorId", donorId, "amount", "250.00", "currency", "USD", "valueDate", "2019-06-30");
        String key = Funds.unique("receipt");
        Number first = manager().header("Idempotency-Key", key).body(body).post("/api/funds/" + fundId + "/receipts")
                .then().statusCode(201).extract().path("id");
        manager().header("Idempotency-Key", key).body(body).post("/api/funds/" + fundId + "/receipts")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first.intValue()));
        assertEquals("250.00", summary(fundId).get("received"));
        manager().get("/api/funds/" + fundId + "/journal").then().statusCode(200).body("total", equalTo(1));

        manager().header("Idempotency-Key", key).body(Map.of("donorId", donorId, "amount", "260.00", "currency", "USD",
                        "valueDate", "2019-06-30")).post("/api/funds/" + fundId + "/receipts")
                .then().statusCode(422).body("type", containsString("idempotency-key-reused"));

        // Allocations, expenditures and reversals take keys the same way.
        long line = budgetLine(fundId, 0);
        String allocationKey = Funds.unique("allocation");
        Map<String, Object> allocation = Map.of("budgetLineId", line, "amount", "200.00", "valueDate", "2019-07-01");
        Number allocationId = manager().header("Idempotency-Key", allocationKey).body(allocation).post("/api/funds/" + fundId + "/allocations")
                .then().statusCode(201).extract().path("id");
        manager().header("Idempotency-Key", allocationKey).body(allocation).post("/api/funds/" + fundId + "/allocations")
                .then().statusCode(201).body("id", equalTo(allocationId.intValue()));
        assertEquals("200.00", summary(fundId).get("allocated"));
        assertEquals("50.00", summary(fundId).get("available"));
        Funds.balancedTrialBalance(fundId);
    }

    @Test
    void onlyTheFundManagerAndTheSecretariatRecordMovementsAndThePublicReadsOnlyTheSummary() {
        long fundId = fund();
        long donorId = donor("COMPANY");
        receiveUsd(fundId, donorId, "10.00");
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("donorId", donorId, "amount", "5.00", "currency", "USD", "valueDate", "2019-06-30"))
                .post("/api/funds/" + fundId + "/receipts").then().statusCode(201);
        Map<String, Object> receipt = Map.of("donorId", donorId, "amount", "5.00", "currency", "USD", "valueDate", "2019-06-30");
        Api.givenBadRequest().contentType("application/json").body(receipt).post("/api/funds/" + fundId + "/receipts").then().statusCode(401);
        as("dora", "donor").contentType("application/json").body(receipt).post("/api/funds/" + fundId + "/receipts").then().statusCode(403);
        as("carl", "coordinator").contentType("application/json")
                .body(Map.of("budgetLineId", budgetLine(fundId, 0), "amount", "1.00", "valueDate", "2019-07-01"))
                .post("/api/funds/" + fundId + "/allocations").then().statusCode(403);
        as("dora", "donor").contentType("application/json").body(Map.of("code", "X", "name", "X", "startsOn", "2019-01-01",
                "endsOn", "2019-12-31", "target", "1.00", "agentOrganisationId", 1)).post("/api/funds").then().statusCode(403);

        given().get("/api/funds/" + fundId + "/summary").then().statusCode(200).body("received", equalTo("15.00"));
        Api.givenBadRequest().get("/api/funds/" + fundId + "/trial-balance").then().statusCode(401);
        Api.givenBadRequest().get("/api/funds/" + fundId + "/journal").then().statusCode(401);
        Api.givenBadRequest().get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then().statusCode(401);
        as("femi", "focal-point").get("/api/funds/" + fundId + "/trial-balance").then().statusCode(403);
        as("dora", "donor").get("/api/funds/" + fundId + "/journal").then().statusCode(403);
        as("sam", "secretariat").get("/api/funds/" + fundId + "/trial-balance").then().statusCode(200);
        given().get("/api/funds/999999999/summary").then().statusCode(404);
    }

    @Test
    void aDonorReadsItsOwnStatementOnly() {
        long fundId = fund();
        String username = Funds.unique("donor-user");
        long own = donor("FOUNDATION", username);
        long other = donor("FOUNDATION", Funds.unique("someone-else"));
        receiveUsd(fundId, own, "100.00");
        receiveUsd(fundId, other, "900.00");
        as(username, "donor").get("/api/funds/" + fundId + "/donors/" + own + "/statement").then().statusCode(200)
                .body("donor.username", equalTo(username)).body("totalReceivedUsd", equalTo("100.00"));
        as(username, "donor").get("/api/funds/" + fundId + "/donors/" + other + "/statement").then().statusCode(403)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("receipts")));
        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + other + "/statement").then().statusCode(200)
                .body("totalReceivedUsd", equalTo("900.00"));
    }
}
