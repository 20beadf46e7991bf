package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.manager;
import static org.learningcities.fund.Funds.post;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundFeeTest {

    @Test
    void aFundWithAnAgentsFeeCreditsTheFeeToFeesInTheReceiptsEntryAndTheRestToThePool() {
        long fundId = manager().body(Map.of("code", Funds.unique("FEE"), "name", "Fund with a fee", "startsOn", "2019-01-01",
                        "endsOn", "2021-12-31", "target", "1000000.00", "agentOrganisationId", Funds.organisation("Agent"),
                        "agentFeePercent", "7", "startFromStrategy", true))
                .post("/api/funds").then().statusCode(201).body("agentFeePercent", equalTo("7")).extract().jsonPath().getLong("id");
        long donorId = donor("GOVERNMENT");
        // 333.33 x 7% = 23.3331: fee 23.33, pool 310.00
        long receipt = post(fundId, "receipts", Map.of("donorId", donorId, "amount", "333.33", "currency", "USD", "valueDate", "2019-06-30"))
                .statusCode(201)
                // The donor's contribution is the whole amount, fee included.
                .body("entry.legs.account", contains("CASH", "UNALLOCATED:NONE", "FEES", "HELD_FOR_DONORS:NONE",
                        "CONTRIBUTIONS:" + donorId + ":NONE"))
                .body("entry.legs.side", contains("DEBIT", "CREDIT", "CREDIT", "DEBIT", "CREDIT"))
                .body("entry.legs.amountUsd", contains("333.33", "310.00", "23.33", "333.33", "333.33"))
                .extract().jsonPath().getLong("entry.id");
        Map<String, Object> summary = Funds.summary(fundId);
        assertEquals("333.33", summary.get("received"));
        assertEquals("310.00", summary.get("available"));
        var tb = Funds.balancedTrialBalance(fundId);
        assertEquals("-23.33", Funds.balance(tb, "FEES"));
        // A reversal takes the fee back too.
        manager().body(Map.of("reason", "test")).post("/api/funds/" + fundId + "/entries/" + receipt + "/reversal").then().statusCode(201);
        tb = Funds.balancedTrialBalance(fundId);
        assertEquals("0.00", Funds.balance(tb, "FEES"));
        assertEquals("0.00", Funds.balance(tb, "CONTRIBUTIONS:" + donorId + ":NONE"));
        // Without a fee (the default) nothing goes to FEES.
        long plain = Funds.fund();
        post(plain, "receipts", Map.of("donorId", donorId, "amount", "333.33", "currency", "USD", "valueDate", "2019-06-30"))
                .statusCode(201).body("entry.legs.account", contains("CASH", "UNALLOCATED:NONE", "HELD_FOR_DONORS:NONE",
                        "CONTRIBUTIONS:" + donorId + ":NONE"));
    }
}
