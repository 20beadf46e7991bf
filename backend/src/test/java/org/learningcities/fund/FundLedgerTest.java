package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.learningcities.fund.Funds.allocate;
import static org.learningcities.fund.Funds.balance;
import static org.learningcities.fund.Funds.balancedTrialBalance;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.manager;
import static org.learningcities.fund.Funds.post;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.fund.Funds.summary;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class FundLedgerTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void startingFromTheStrategyCreatesTheSevenBudgetLinesOfOneMillion() {
        long fundId = fund();
        given().get("/api/funds/" + fundId).then().statusCode(200)
                .body("baseCurrency", equalTo("USD"))
                .body("agentFeePercent", nullValue())
                .body("budgetLines.code", contains("1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1"))
                .body("budgetLines.planned", contains("200000.00", "200000.00", "80000.00", "20000.00", "200000.00", "200000.00", "100000.00"));
        Map<String, Object> summary = summary(fundId);
        assertEquals("1000000.00", summary.get("target"));
        assertEquals("0.00", summary.get("available"));
    }

    @Test
    void amountsCarryExactlyTheMinorUnitsOfTheirCurrency() {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000", "currency", "USD", "valueDate", "2019-06-30"))
                .statusCode(422).body("errors[0].field", equalTo("amount"));
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "500.00", "currency", "JPY", "exchangeRate", "0.0091",
                "valueDate", "2019-06-30")).statusCode(422).body("errors[0].field", equalTo("amount"));
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "500.00", "currency", "EUR", "valueDate", "2019-06-30"))
                .statusCode(422).body("errors[0].field", equalTo("exchangeRate"));
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "500", "currency", "JPY", "exchangeRate", "0.0091",
                "valueDate", "2019-06-30")).statusCode(201)
                .body("amount", equalTo("500")).body("currency", equalTo("JPY")).body("amountUsd", equalTo("4.55"));
    }

    @Test
    void usdAmountsAreRoundedToCentsHalfEven() {
        long fundId = fund();
        long donorId = donor("FOUNDATION");
        // 1000.01 x 0.5 = 500.005: half-even 500.00 (half-up would give 500.01)
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.01", "currency", "EUR", "exchangeRate", "0.5",
                "valueDate", "2019-06-30")).statusCode(201)
                .body("amountUsd", equalTo("500.00")).body("exchangeRate", equalTo("0.5"))
                .body("entry.legs.amountUsd", contains("500.00", "500.00", "500.00", "500.00"))
                .body("entry.legs.amount", contains("1000.01", "1000.01", null, null));
        // 1000.03 x 0.5 = 500.015: half-even 500.02 (half-down or truncation would give 500.01)
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.03", "currency", "EUR", "exchangeRate", "0.5",
                "valueDate", "2019-06-30")).statusCode(201).body("amountUsd", equalTo("500.02"));
        // 1000.05 x 0.5 = 500.025: half-even 500.02 (half-up 500.03)
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.05", "currency", "EUR", "exchangeRate", "0.5",
                "valueDate", "2019-06-30")).statusCode(201).body("amountUsd", equalTo("500.02"));
        assertEquals("1500.04", summary(fundId).get("received"));
        balancedTrialBalance(fundId);
    }

    @Test
    void aPledgeIsPaidByReceiptsInheritsItsEarmarkAndTheStatementShowsWhatIsOutstanding() {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        Number pledgeId = post(fundId, "pledges", Map.of("donorId", donorId, "amount", "100000.00", "currency", "EUR",
                "exchangeRate", "1.1", "date", "2019-03-01", "earmark", Map.of("kind", "REGION", "region", "AFRICA"),
                "expectedPaymentDates", List.of("2019-06-30", "2020-06-30")))
                .statusCode(201)
                .body("kind", equalTo("PLEDGE")).body("amountUsd", equalTo("110000.00"))
                .body("expectedPaymentDates", contains("2019-06-30", "2020-06-30"))
                .body("entry.legs.account", contains("PLEDGED:" + donorId, "PLEDGE_COMMITMENTS"))
                .body("entry.legs.side", contains("DEBIT", "CREDIT"))
                .extract().path("id");
        post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledgeId, "amount", "40000.00", "currency", "EUR",
                "exchangeRate", "1.12", "valueDate", "2019-06-28", "bankReference", "BANK-1"))
                .statusCode(201)
                .body("earmark.kind", equalTo("REGION")).body("earmark.region", equalTo("AFRICA"))
                .body("amountUsd", equalTo("44800.00"))
                .body("entry.legs.account", contains("CASH", "UNALLOCATED:REGION:AFRICA", "HELD_FOR_DONORS:REGION:AFRICA",
                        "CONTRIBUTIONS:" + donorId + ":REGION:AFRICA"));
        post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledgeId, "amount", "40000.00", "currency", "USD",
                "valueDate", "2019-06-28")).statusCode(422).body("errors[0].field", equalTo("currency"));
        // The pledge cannot be reversed while money received against it stands.
        Number pledgeEntry = as("fiona", "fund-manager").get("/api/funds/" + fundId + "/movements/" + pledgeId)
                .then().statusCode(200).extract().path("entry.id");
        manager().body(Map.of("reason", "entered twice")).post("/api/funds/" + fundId + "/entries/" + pledgeEntry + "/reversal")
                .then().statusCode(409).contentType("application/problem+json");

        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then().statusCode(200)
                .body("pledges", hasSize(1))
                .body("pledges[0].amount", equalTo("100000.00"))
                .body("pledges[0].received", equalTo("40000.00"))
                .body("pledges[0].outstanding", equalTo("60000.00"))
                .body("receipts[0].exchangeRate", equalTo("1.12"))
                .body("receipts[0].bankReference", equalTo("BANK-1"))
                .body("totalReceivedUsd", equalTo("44800.00"));
        Map<String, Object> summary = summary(fundId);
        assertEquals("110000.00", summary.get("pledged"));
        assertEquals("44800.00", summary.get("received"));
        assertEquals("66000.00", summary.get("outstandingPledges"));
        assertEquals("44800.00", summary.get("available"));
        assertEquals("4.48", summary.get("percentOfTarget"));
    }

    @Test
    void earmarkedMoneyGoesOnlyToAMatchingUse() {
        long fundId = fund();
        long donorId = donor("COMPANY");
        long line1 = budgetLine(fundId, 0);
        long line2 = budgetLine(fundId, 1);
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "BUDGET_LINE", "budgetLineId", line2))).statusCode(201);
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "LOW_INCOME"))).statusCode(201);
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "REGION", "region", "AFRICA"))).statusCode(201);

        post(fundId, "allocations", Map.of("budgetLineId", line1, "amount", "100.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "BUDGET_LINE", "budgetLineId", line2)))
                .statusCode(422).body("type", containsString("earmark-mismatch")).body("errors[0].field", equalTo("source"));
        post(fundId, "allocations", Map.of("budgetLineId", line1, "amount", "100.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "LOW_INCOME"), "beneficiaryIncomeGroup", "LOWER_MIDDLE"))
                .statusCode(422).body("type", containsString("earmark-mismatch"));
        post(fundId, "allocations", Map.of("budgetLineId", line1, "amount", "100.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "REGION", "region", "AFRICA"), "beneficiaryRegion", "ASIA_PACIFIC"))
                .statusCode(422).body("type", containsString("earmark-mismatch"));
        // Unearmarked money: there is none, although the fund holds 3000.00 earmarked.
        allocate(fundId, line1, "100.00").statusCode(409).body("type", containsString("insufficient-funds"));

        post(fundId, "allocations", Map.of("budgetLineId", line2, "amount", "1000.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "BUDGET_LINE", "budgetLineId", line2))).statusCode(201)
                .body("entry.legs.account", contains(equalTo("UNALLOCATED:BUDGET_LINE:" + line2), startsWith("ALLOCATED:")));
        post(fundId, "allocations", Map.of("budgetLineId", line1, "amount", "600.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "LOW_INCOME"), "beneficiaryIncomeGroup", "LOW", "beneficiaryRegion", "AFRICA"))
                .statusCode(201).body("incomeGroupEdition", equalTo("FY2020"));
        post(fundId, "allocations", Map.of("budgetLineId", line1, "amount", "400.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "REGION", "region", "AFRICA"), "beneficiaryRegion", "AFRICA")).statusCode(201);

        Map<String, Object> summary = summary(fundId);
        assertEquals("2000.00", summary.get("allocated"));
        assertEquals("1000.00", summary.get("available"));
        assertEquals("1000.00", summary.get("allocatedToAfrica"));
        assertEquals("50.00", summary.get("shareToAfrica"));
        assertEquals("600.00", summary.get("allocatedToLowIncome"));
        assertEquals("30.00", summary.get("shareToLowIncome"));
        assertEquals(List.of("FY2020"), summary.get("incomeGroupEditions"));
        balancedTrialBalance(fundId);
    }

    @Test
    void noAllocationExceedsWhatIsAvailableAndNoExpenditureExceedsTheAllocation() {
        long fundId = fund();
        long donorId = donor("OTHER");
        long line = budgetLine(fundId, 2);
        receiveUsd(fundId, donorId, "1000.00");
        allocate(fundId, line, "1000.01").statusCode(409).body("type", containsString("insufficient-funds"))
                .body("detail", containsString("1000.00"));
        Number allocationId = allocate(fundId, line, "800.00").statusCode(201).extract().path("id");
        post(fundId, "expenditures", Map.of("allocationId", allocationId, "amount", "500.00", "valueDate", "2019-08-01"))
                .statusCode(201).body("entry.legs.account", contains("EXPENDED:" + allocationId, "CASH"));
        post(fundId, "expenditures", Map.of("allocationId", allocationId, "amount", "300.01", "valueDate", "2019-08-02"))
                .statusCode(409).body("type", containsString("above-allocation"));
        post(fundId, "expenditures", Map.of("allocationId", allocationId, "amount", "300.00", "valueDate", "2019-08-02"))
                .statusCode(201);

        Map<String, Object> summary = summary(fundId);
        assertEquals("1000.00", summary.get("received"));
        assertEquals("800.00", summary.get("allocated"));
        assertEquals("800.00", summary.get("spent"));
        assertEquals("200.00", summary.get("available"));
        Map<String, Object> tb = balancedTrialBalance(fundId);
        assertEquals("200.00", balance(tb, "CASH"));
        assertEquals("-200.00", balance(tb, "UNALLOCATED:NONE"));
    }

    /**
     * Interest, bank charges and refunds each have their own account (INTEREST, FEES:BANK_CHARGES,
     * REFUNDS:pool); what the unearmarked pool has available counts all three, so interest can be
     * allocated and nothing leaves beyond what is available; reversals restore every balance.
     */
    @Test
    void refundsInterestAndBankChargesPostToTheirOwnAccountsCountInTheAvailableBalanceAndNeverOverdraw() {
        long fundId = fund();
        long donorId = donor("COMPANY");
        receiveUsd(fundId, donorId, "1000.00");
        long interest = id(post(fundId, "interest", Map.of("amount", "12.34", "valueDate", "2019-12-31")).statusCode(201)
                .body("kind", equalTo("INTEREST")).body("entry.legs.account", contains("CASH", "INTEREST"))
                .body("entry.legs.side", contains("DEBIT", "CREDIT")));
        post(fundId, "bank-charges", Map.of("amount", "2.34", "valueDate", "2019-12-31")).statusCode(201)
                .body("entry.legs.account", contains("FEES:BANK_CHARGES", "CASH")).body("entry.legs.side", contains("DEBIT", "CREDIT"));
        post(fundId, "refunds", Map.of("amount", "10.00", "valueDate", "2019-12-31")).statusCode(422)
                .body("errors[0].field", equalTo("donorId"));
        // 1000.00 + 12.34 interest - 2.34 charges = 1010.00 available
        post(fundId, "refunds", Map.of("donorId", donorId, "amount", "1010.01", "valueDate", "2019-12-31")).statusCode(409)
                .body("type", containsString("insufficient-funds"));
        long refund = id(post(fundId, "refunds", Map.of("donorId", donorId, "amount", "10.00", "valueDate", "2019-12-31", "bankReference", "R-1"))
                .statusCode(201).body("kind", equalTo("REFUND")).body("entry.donorId", equalTo((int) donorId))
                .body("entry.legs.account", contains("REFUNDS:NONE", "CASH", "CONTRIBUTIONS:" + donorId + ":NONE", "HELD_FOR_DONORS:NONE"))
                .body("entry.legs.side", contains("DEBIT", "CREDIT", "DEBIT", "CREDIT")));
        post(fundId, "bank-charges", Map.of("amount", "1000.01", "valueDate", "2019-12-31")).statusCode(409);

        Map<String, Object> summary = summary(fundId);
        // Received less refunded: what the donors have contributed.
        assertEquals("990.00", summary.get("received"));
        // 1000.00 received + 12.34 interest - 2.34 charges - 10.00 refunded
        assertEquals("1000.00", summary.get("available"));
        Map<String, Object> tb = balancedTrialBalance(fundId);
        assertEquals("1000.00", balance(tb, "CASH"));
        assertEquals("-1000.00", balance(tb, "UNALLOCATED:NONE"));
        assertEquals("-12.34", balance(tb, "INTEREST"));
        assertEquals("2.34", balance(tb, "FEES:BANK_CHARGES"));
        assertEquals("10.00", balance(tb, "REFUNDS:NONE"));
        assertEquals("-990.00", balance(tb, "CONTRIBUTIONS:" + donorId + ":NONE"));
        assertEquals("990.00", balance(tb, "HELD_FOR_DONORS:NONE"));

        // Reversing the refund restores the pool exactly; all of it (interest included) can then be allocated.
        reverse(fundId, refund).statusCode(201);
        assertEquals("1010.00", summary(fundId).get("available"));
        tb = balancedTrialBalance(fundId);
        assertEquals("0.00", balance(tb, "REFUNDS:NONE"));
        assertEquals("-1000.00", balance(tb, "CONTRIBUTIONS:" + donorId + ":NONE"));
        assertEquals("1000.00", summary(fundId).get("received"));
        long line = budgetLine(fundId, 0);
        allocate(fundId, line, "1010.01").statusCode(409).body("type", containsString("insufficient-funds"));
        allocate(fundId, line, "1010.00").statusCode(201);
        assertEquals("0.00", summary(fundId).get("available"));
        // The interest is allocated now: reversing it would leave the unearmarked pool below zero.
        reverse(fundId, interest).statusCode(409).body("type", containsString("insufficient-funds"));
        tb = balancedTrialBalance(fundId);
        assertEquals("-12.34", balance(tb, "INTEREST"));
        assertEquals("1010.00", balance(tb, "CASH"));
    }

    private static io.restassured.response.ValidatableResponse reverse(long fundId, long movementId) {
        Number entry = manager().get("/api/funds/" + fundId + "/movements/" + movementId).then().statusCode(200).extract().path("entry.id");
        return manager().body(Map.of("reason", "test")).post("/api/funds/" + fundId + "/entries/" + entry + "/reversal").then();
    }

    private static long id(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath().getLong("id");
    }

    /** What was received against a pledge is kept in its balance row with every receipt and its reversal. */
    @Test
    void thePledgeBalanceFollowsEveryReceiptAndItsReversalExactly() throws SQLException {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        long pledge = id(post(fundId, "pledges", Map.of("donorId", donorId, "amount", "100.00", "currency", "EUR",
                "exchangeRate", "1.1", "date", "2019-03-01")).statusCode(201));
        assertEquals("0.0000/0/false", pledgeBalance(pledge));
        long first = id(post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledge, "amount", "30.25", "currency", "EUR",
                "exchangeRate", "1.12", "valueDate", "2019-06-28")).statusCode(201));
        long second = id(post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledge, "amount", "20.00", "currency", "EUR",
                "exchangeRate", "1.12", "valueDate", "2019-06-29")).statusCode(201));
        assertEquals("50.2500/2/false", pledgeBalance(pledge));
        // Outstanding at the pledge's rate: 49.75 EUR x 1.1 = 54.725 -> 54.72 (half-even)
        assertEquals("54.72", summary(fundId).get("outstandingPledges"));
        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then().statusCode(200)
                .body("pledges[0].received", equalTo("50.25")).body("pledges[0].outstanding", equalTo("49.75"));

        reverse(fundId, first).statusCode(201);
        assertEquals("20.0000/1/false", pledgeBalance(pledge));
        assertEquals("88.00", summary(fundId).get("outstandingPledges"));
        reverse(fundId, pledge).statusCode(409);
        reverse(fundId, second).statusCode(201);
        assertEquals("0.0000/0/false", pledgeBalance(pledge));
        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then().statusCode(200)
                .body("pledges[0].received", equalTo("0.00")).body("pledges[0].outstanding", equalTo("100.00"));

        reverse(fundId, pledge).statusCode(201);
        assertEquals("0.0000/0/true", pledgeBalance(pledge));
        assertEquals("0.00", summary(fundId).get("outstandingPledges"));
        post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledge, "amount", "1.00", "currency", "EUR",
                "exchangeRate", "1.12", "valueDate", "2019-07-01")).statusCode(422).body("errors[0].field", equalTo("pledgeId"));
        balancedTrialBalance(fundId);
    }

    private String pledgeBalance(long pledgeId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT received, receipts, reversed FROM fund_pledge_balance WHERE pledge_id = " + pledgeId)) {
            r.next();
            return r.getBigDecimal(1).toPlainString() + "/" + r.getInt(2) + "/" + r.getBoolean(3);
        }
    }

    @Test
    void aReversalPostsTheMirrorLinksBothWaysRestoresBalancesAndHappensOnce() {
        long fundId = fund();
        long donorId = donor("FOUNDATION");
        long line = budgetLine(fundId, 0);
        long receiptId = receiveUsd(fundId, donorId, "700.00");
        Number receiptEntry = manager().get("/api/funds/" + fundId + "/movements/" + receiptId).then().statusCode(200)
                .extract().path("entry.id");
        Number allocationId = allocate(fundId, line, "500.00").statusCode(201).extract().path("id");
        Number allocationEntry = manager().get("/api/funds/" + fundId + "/movements/" + allocationId).then().extract().path("entry.id");

        // The receipt's money is allocated: reversing it would leave the pool below zero.
        manager().body(Map.of("reason", "duplicate")).post("/api/funds/" + fundId + "/entries/" + receiptEntry + "/reversal")
                .then().statusCode(409).body("type", containsString("insufficient-funds"));

        Number reversalEntry = manager().body(Map.of("reason", "wrong line", "valueDate", "2019-07-05"))
                .post("/api/funds/" + fundId + "/entries/" + allocationEntry + "/reversal")
                .then().statusCode(201)
                .body("kind", equalTo("REVERSAL"))
                .body("entry.reversesEntryId", equalTo(allocationEntry.intValue()))
                .body("entry.legs.side", contains("CREDIT", "DEBIT"))
                .body("entry.legs.account", contains("UNALLOCATED:NONE", "ALLOCATED:" + allocationId))
                .extract().path("entry.id");
        manager().get("/api/funds/" + fundId + "/movements/" + allocationId).then().statusCode(200)
                .body("entry.reversedByEntryId", equalTo(reversalEntry.intValue()));
        assertEquals("0.00", summary(fundId).get("allocated"));
        assertEquals("700.00", summary(fundId).get("available"));

        manager().body(Map.of()).post("/api/funds/" + fundId + "/entries/" + allocationEntry + "/reversal")
                .then().statusCode(409);
        manager().body(Map.of()).post("/api/funds/" + fundId + "/entries/" + reversalEntry + "/reversal")
                .then().statusCode(409);

        // Now the receipt can be reversed; the fund is back to nothing and still balances.
        manager().body(Map.of("reason", "duplicate")).post("/api/funds/" + fundId + "/entries/" + receiptEntry + "/reversal")
                .then().statusCode(201);
        Map<String, Object> summary = summary(fundId);
        assertEquals("0.00", summary.get("received"));
        assertEquals("0.00", summary.get("available"));
        as("fiona", "fund-manager").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then()
                .body("receipts[0].reversed", equalTo(true)).body("totalReceivedUsd", equalTo("0.00"));
        Map<String, Object> tb = balancedTrialBalance(fundId);
        assertEquals("0.00", balance(tb, "CASH"));

        manager().queryParam("kind", "REVERSAL").get("/api/funds/" + fundId + "/journal").then().statusCode(200)
                .body("total", equalTo(2)).body("items.reversesEntryId", contains(allocationEntry.intValue(), receiptEntry.intValue()));
        manager().queryParam("account", "CASH").queryParam("size", 1).get("/api/funds/" + fundId + "/journal").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("size", equalTo(1));
    }

    @Test
    void theJournalAndTheMovementsRefuseUpdateAndDeleteInTheDatabaseAndNeverChange() throws SQLException {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        long line = budgetLine(fundId, 3);
        receiveUsd(fundId, donorId, "300.00");
        List<String> before = journalRows(fundId);

        Number allocationId = allocate(fundId, line, "100.00").statusCode(201).extract().path("id");
        Number entryId = manager().get("/api/funds/" + fundId + "/movements/" + allocationId).then().extract().path("entry.id");
        manager().body(Map.of()).post("/api/funds/" + fundId + "/entries/" + entryId + "/reversal").then().statusCode(201);
        allocate(fundId, line, "1000.00").statusCode(409);
        List<String> after = journalRows(fundId);
        assertEquals(before, after.subList(0, before.size()), "rows written before never change");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE fund_journal_leg SET amount_usd = amount_usd + 1 WHERE entry_id IN (SELECT id FROM fund_journal_entry WHERE fund_id = " + fundId + ")",
                    "DELETE FROM fund_journal_leg WHERE entry_id IN (SELECT id FROM fund_journal_entry WHERE fund_id = " + fundId + ")",
                    "UPDATE fund_journal_entry SET description = 'x' WHERE fund_id = " + fundId,
                    "DELETE FROM fund_journal_entry WHERE fund_id = " + fundId,
                    "UPDATE fund_movement SET amount_usd = 0 WHERE fund_id = " + fundId,
                    "DELETE FROM fund_movement WHERE fund_id = " + fundId)) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals(true, refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertEquals(after, journalRows(fundId));
        balancedTrialBalance(fundId);
    }

    /**
     * V13 derives, for funds posted before it, the contributions memo legs and the running totals
     * from the journal. Run on a fund the ledger posts today (receipts with and without a pledge and
     * an earmark, refunds, allocations with beneficiaries, expenditures, reversals of each), its
     * queries give exactly the legs and the totals the ledger wrote.
     */
    @Test
    void theV13BackfillDerivesWhatTheLedgerNowPosts() throws Exception {
        long fundId = fund();
        long a = donor("GOVERNMENT");
        long b = donor("FOUNDATION");
        long line = budgetLine(fundId, 1);
        long pledge = id(post(fundId, "pledges", Map.of("donorId", a, "amount", "100.05", "currency", "EUR", "exchangeRate", "1.1",
                "date", "2019-03-01")).statusCode(201));
        post(fundId, "receipts", Map.of("donorId", a, "pledgeId", pledge, "amount", "30.00", "currency", "EUR", "exchangeRate", "1.12",
                "valueDate", "2019-06-28")).statusCode(201);
        long reversedReceipt = receiveUsd(fundId, b, "70.00");
        receiveUsd(fundId, b, "500.00");
        post(fundId, "receipts", Map.of("donorId", a, "amount", "300.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "REGION", "region", "AFRICA"))).statusCode(201);
        long refund = id(post(fundId, "refunds", Map.of("donorId", b, "amount", "20.00", "valueDate", "2019-12-31")).statusCode(201));
        post(fundId, "refunds", Map.of("donorId", a, "amount", "5.00", "valueDate", "2019-12-31",
                "source", Map.of("kind", "REGION", "region", "AFRICA"))).statusCode(201);
        long allocation = id(post(fundId, "allocations", Map.of("budgetLineId", line, "amount", "200.00", "valueDate", "2019-07-01",
                "source", Map.of("kind", "REGION", "region", "AFRICA"), "beneficiaryRegion", "AFRICA", "beneficiaryIncomeGroup", "LOW"))
                .statusCode(201));
        long spent = id(post(fundId, "expenditures", Map.of("allocationId", allocation, "amount", "50.00", "valueDate", "2019-08-01"))
                .statusCode(201));
        post(fundId, "expenditures", Map.of("allocationId", allocation, "amount", "20.00", "valueDate", "2019-08-02")).statusCode(201);
        long reversedAllocation = id(allocate(fundId, line, "100.00").statusCode(201));
        reverse(fundId, reversedReceipt).statusCode(201);
        reverse(fundId, refund).statusCode(201);
        reverse(fundId, spent).statusCode(201);
        reverse(fundId, reversedAllocation).statusCode(201);
        balancedTrialBalance(fundId);

        String v13 = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/db/migration/V13__fund_contributions_and_totals.sql"));
        List<String> statements = java.util.Arrays.stream(v13.split(";\\s*\\n")).map(String::trim).toList();
        java.util.function.Function<String, String> statement = start -> statements.stream()
                .map(st -> st.replaceAll("(?m)^--.*\\n", "").trim()).filter(st -> st.startsWith(start)).findFirst().orElseThrow();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement.apply("CREATE TEMPORARY TABLE v13_memo"));
            String memoLegs = statement.apply("INSERT INTO fund_journal_leg").replaceFirst("^INSERT INTO fund_journal_leg \\([^)]*\\)\\s*", "");
            assertEquals(rows(s, "SELECT l.entry_id, l.account, l.side, l.amount_usd FROM fund_journal_leg l JOIN fund_journal_entry e"
                            + " ON e.id = l.entry_id WHERE e.fund_id = " + fundId + " AND (l.account LIKE 'CONTRIBUTIONS:%'"
                            + " OR l.account LIKE 'HELD\\_FOR\\_DONORS:%') ORDER BY 1, 2, 3"),
                    // V13's legs without their position (after the last leg there, after the cash legs here)
                    rows(s, "SELECT * FROM (" + memoLegs + ") v WHERE v.entry_id IN (SELECT id FROM fund_journal_entry WHERE fund_id = "
                            + fundId + ") ORDER BY 1, 3, 4").stream().map(r -> r.replaceFirst("^([^|]*\\|)[^|]*\\|", "$1")).toList());
            s.execute(statement.apply("CREATE TEMPORARY TABLE v13_live"));
            String totals = statement.apply("INSERT INTO fund_total").replaceFirst("^INSERT INTO fund_total \\([^)]*\\)\\s*", "")
                    .replace("SELECT fund_id, figure, SUM(usd), SUM(items) FROM (", "SELECT fund_id, figure, SUM(usd) AS usd, SUM(items) AS items FROM (");
            assertEquals(rows(s, "SELECT figure, usd, items FROM fund_total WHERE fund_id = " + fundId + " AND (usd <> 0 OR items <> 0) ORDER BY 1"),
                    rows(s, "SELECT figure, usd, items FROM (" + totals + ") t WHERE fund_id = " + fundId + " AND (usd <> 0 OR items <> 0) ORDER BY 1"));
            s.execute("DROP TEMPORARY TABLE v13_memo, v13_live"); // the connection goes back to the pool
        }
        Map<String, Object> summary = summary(fundId);
        // 30 EUR x 1.12 + 500 + 300 received, less 5 refunded (the reversed receipt and the reversed refund left out)
        assertEquals("828.60", summary.get("received"));
        // (100.05 - 30) EUR x 1.1 = 77.055 -> 77.06 (half-even)
        assertEquals("77.06", summary.get("outstandingPledges"));
        assertEquals("200.00", summary.get("allocatedToAfrica"));
        assertEquals("20.00", summary.get("spent"));
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.append(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void theContractHasNoWayToChangeOrDeleteAMovementOrAnEntry() throws Exception {
        String contract = java.nio.file.Files.readString(Api.CONTRACT);
        int start = contract.indexOf("  /api/funds:");
        String fundPaths = contract.substring(start, contract.indexOf("\ncomponents:"));
        for (String verb : List.of("    put:", "    patch:", "    delete:")) {
            assertEquals(-1, fundPaths.indexOf(verb), verb);
        }
    }

    private List<String> journalRows(long fundId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT e.id, e.movement_id, e.kind, e.value_date, e.reverses_entry_id, e.posted_at,"
                     + " l.position, l.account, l.side, l.amount_usd, l.amount, l.currency, m.amount_usd, m.amount, m.exchange_rate"
                     + " FROM fund_journal_entry e JOIN fund_journal_leg l ON l.entry_id = e.id JOIN fund_movement m ON m.id = e.movement_id"
                     + " WHERE e.fund_id = " + fundId + " ORDER BY e.id, l.position")) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 15; i++) {
                    row.append(r.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
