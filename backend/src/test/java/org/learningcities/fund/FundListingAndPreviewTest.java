package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.manager;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class FundListingAndPreviewTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fundsAreListedPubliclyAndDonorsByNameTypeAndLogin() {
        long fundId = fund();
        given().get("/api/funds?size=200").then().statusCode(200).body("items.id", hasItem((int) fundId));
        String username = Funds.unique("dana");
        long mine = donor("COMPANY", username);
        long other = donor("FOUNDATION", Funds.unique("other"));
        manager().get("/api/donors?username=" + username).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) mine));
        manager().get("/api/donors?donorType=COMPANY&size=200").then().statusCode(200)
                .body("items.id", hasItem((int) mine)).body("items.id", not(hasItem((int) other)))
                .body("items.donorType", not(hasItem("FOUNDATION")));
        manager().get("/api/donors?q=Donor&size=200").then().statusCode(200).body("items.id", hasItem((int) mine));
        manager().get("/api/donors?q=zzqqnothing").then().statusCode(200).body("total", equalTo(0));
        Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("fiona", "fund-manager"))
                .get("/api/donors?donorType=NOPE").then().statusCode(400);
        as("dora", "donor").get("/api/donors").then().statusCode(403);

        as(username, "donor").get("/api/me/donors").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains((int) mine));
        as(Funds.unique("nobody"), "donor").get("/api/me/donors").then().statusCode(200).body("total", equalTo(0));
        Api.givenBadRequest().get("/api/me/donors").then().statusCode(401);
    }

    @Test
    void aDryRunAnswersTheEntryThatWouldBePostedAndWritesNothing() throws Exception {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        long receiptId = receiveUsd(fundId, donorId, "1000.00");
        long line = budgetLine(fundId, 1);
        Map<String, Long> before = rowCounts(fundId);
        var trialBefore = Funds.balancedTrialBalance(fundId);

        String key = Funds.unique("preview");
        manager().header("Idempotency-Key", key)
                .body(Map.of("donorId", donorId, "amount", "500.00", "currency", "EUR", "exchangeRate", "1.1", "valueDate", "2019-07-01",
                        "earmark", Map.of("kind", "REGION", "region", "AFRICA")))
                .post("/api/funds/" + fundId + "/receipts?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("kind", equalTo("RECEIPT")).body("amountUsd", equalTo("550.00"))
                .body("legs.account", contains("CASH", "UNALLOCATED:REGION:AFRICA", "HELD_FOR_DONORS:REGION:AFRICA",
                        "CONTRIBUTIONS:" + donorId + ":REGION:AFRICA"))
                .body("legs.side", contains("DEBIT", "CREDIT", "DEBIT", "CREDIT"))
                .body("legs.amount", contains("500.00", "500.00", null, null));
        manager().body(Map.of("budgetLineId", line, "amount", "400.00", "valueDate", "2019-07-01"))
                .post("/api/funds/" + fundId + "/allocations?dryRun=true").then().statusCode(200)
                .body("legs.account", contains("UNALLOCATED:NONE", "ALLOCATED:new")).body("amountUsd", equalTo("400.00"));
        long entryId = manager().get("/api/funds/" + fundId + "/movements/" + receiptId).then().statusCode(200)
                .extract().jsonPath().getLong("entry.id");
        manager().body(Map.of("reason", "typo")).post("/api/funds/" + fundId + "/entries/" + entryId + "/reversal?dryRun=true")
                .then().statusCode(200).body("kind", equalTo("REVERSAL")).body("reversesEntryId", equalTo((int) entryId))
                .body("legs.account", contains("CASH", "UNALLOCATED:NONE", "HELD_FOR_DONORS:NONE", "CONTRIBUTIONS:" + donorId + ":NONE"))
                .body("legs.side", contains("CREDIT", "DEBIT", "CREDIT", "DEBIT"));
        for (String what : List.of("interest", "bank-charges")) {
            manager().body(Map.of("amount", "3.00", "valueDate", "2019-07-01")).post("/api/funds/" + fundId + "/" + what + "?dryRun=true")
                    .then().statusCode(200).body("amountUsd", equalTo("3.00"));
        }
        // Checked like the real thing: too much is refused, and still nothing is written.
        manager().body(Map.of("budgetLineId", line, "amount", "5000.00", "valueDate", "2019-07-01"))
                .post("/api/funds/" + fundId + "/allocations?dryRun=true").then().statusCode(409)
                .body("type", containsString("insufficient-funds"));

        assertEquals(before, rowCounts(fundId));
        assertEquals(trialBefore, Funds.balancedTrialBalance(fundId));
        // The key was not used by the preview: a different body under it is posted, not refused.
        manager().header("Idempotency-Key", key)
                .body(Map.of("donorId", donorId, "amount", "20.00", "currency", "USD", "valueDate", "2019-07-01"))
                .post("/api/funds/" + fundId + "/receipts").then().statusCode(201);
    }

    private Map<String, Long> rowCounts(long fundId) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        List<String> queries = new ArrayList<>(List.of(
                "SELECT COUNT(*) FROM fund_movement WHERE fund_id = ?",
                "SELECT COUNT(*) FROM fund_journal_entry WHERE fund_id = ?",
                "SELECT COUNT(*) FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = ?",
                "SELECT COUNT(*) FROM fund_account_balance WHERE fund_id = ?",
                "SELECT COUNT(*) FROM idempotency_record WHERE ? > 0"));
        try (Connection c = dataSource.getConnection()) {
            for (String sql : queries) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, fundId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.put(sql, r.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
