package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.fund.Funds.allocate;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.manager;
import static org.learningcities.fund.Funds.post;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundUsesAndScaleTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void usesShowAllocatedSpentAndTheDeliveryRatePerAllocationAndPerBudgetLine() {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        receiveUsd(fundId, donorId, "1000.00");
        long first = budgetLine(fundId, 0);
        long second = budgetLine(fundId, 1);
        long a1 = id(allocate(fundId, first, "400.00").statusCode(201));
        long a2 = id(allocate(fundId, first, "100.00").statusCode(201));
        long a3 = id(allocate(fundId, second, "200.00").statusCode(201));
        spend(fundId, a1, "100.00");
        spend(fundId, a2, "100.00");
        long e3 = spend(fundId, a3, "50.00");

        given().get("/api/funds/" + fundId + "/uses").then().statusCode(200)
                .body("allocations.allocationId", contains((int) a1, (int) a2, (int) a3))
                .body("allocations.allocated", contains("400.00", "100.00", "200.00"))
                .body("allocations.spent", contains("100.00", "100.00", "50.00"))
                .body("allocations.deliveryRate", contains("25.00", "100.00", "25.00"))
                .body("budgetLines[0].allocated", equalTo("500.00")).body("budgetLines[0].spent", equalTo("200.00"))
                .body("budgetLines[0].deliveryRate", equalTo("40.00")).body("budgetLines[0].planned", equalTo("200000.00"))
                .body("budgetLines[1].deliveryRate", equalTo("25.00"))
                .body("budgetLines[2].allocated", equalTo("0.00")).body("budgetLines[2].deliveryRate", equalTo("0.00"));

        long entry = manager().get("/api/funds/" + fundId + "/movements/" + e3).then().statusCode(200).extract().jsonPath().getLong("entry.id");
        manager().body(Map.of("reason", "wrong invoice")).post("/api/funds/" + fundId + "/entries/" + entry + "/reversal").then().statusCode(201);
        given().get("/api/funds/" + fundId + "/uses").then().statusCode(200)
                .body("allocations[2].spent", equalTo("0.00")).body("allocations[2].deliveryRate", equalTo("0.00"))
                .body("budgetLines[1].deliveryRate", equalTo("0.00"));
        given().get("/api/funds/999999999/uses").then().statusCode(404);
        Funds.balancedTrialBalance(fundId);
    }

    @Test
    void receiptsInYenAndBahrainiDinarsKeepTheirMinorUnitsAndRoundToCentsHalfEven() {
        long fundId = fund();
        long donorId = donor("GOVERNMENT");
        // 2750 JPY x 0.0091 = 25.025 USD: half-even 25.02 (half-up would give 25.03)
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "2750", "currency", "JPY", "exchangeRate", "0.0091",
                "valueDate", "2019-06-30")).statusCode(201).body("amount", equalTo("2750")).body("amountUsd", equalTo("25.02"));
        // 10.250 BHD x 2.5 = 25.625 USD: half-even 25.62; BHD has three decimals, so 10.25 is refused
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "10.250", "currency", "BHD", "exchangeRate", "2.5",
                "valueDate", "2019-06-30")).statusCode(201).body("amount", equalTo("10.250")).body("amountUsd", equalTo("25.62"))
                .body("entry.legs.amount", contains("10.250", "10.250", null, null));
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "10.25", "currency", "BHD", "exchangeRate", "2.5",
                "valueDate", "2019-06-30")).statusCode(422).body("errors[0].field", equalTo("amount"));
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "12.5", "currency", "JPY", "exchangeRate", "0.0091",
                "valueDate", "2019-06-30")).statusCode(422).body("errors[0].field", equalTo("amount"));
        assertEquals("50.64", Funds.summary(fundId).get("received"));
        Funds.balancedTrialBalance(fundId);
    }

    /**
     * The summary and a donor statement run the same number of SQL statements whatever the size
     * of the journal: totals come from the running balances (and fixed aggregate queries).
     */
    @Test
    void summaryAndStatementRunAFixedNumberOfStatementsWhateverTheJournalSize() {
        long fundId = fund();
        String username = Funds.unique("counted");
        long donorId = donor("FOUNDATION", username);
        long line = budgetLine(fundId, 0);
        grow(fundId, donorId, line, 1);
        long summarySmall = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200));
        long statementSmall = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200));
        grow(fundId, donorId, line, 25);
        long journal = manager().get("/api/funds/" + fundId + "/journal").then().statusCode(200).extract().jsonPath().getLong("total");
        long summaryLarge = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200));
        long statementLarge = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200));
        System.out.printf("SQL statements: summary %d (4 entries) / %d (%d entries); statement %d / %d%n",
                summarySmall, summaryLarge, journal, statementSmall, statementLarge);
        assertTrue(journal >= 100, "the journal grew");
        assertTrue(summarySmall > 0 && statementSmall > 0, "statements are counted");
        assertEquals(summarySmall, summaryLarge, "summary statements");
        assertEquals(statementSmall, statementLarge, "statement statements");
    }

    @Test
    void anAllocationMayGoToAClusterActivityAndClusterEarmarkedMoneyOnlyToThatClustersActivities() {
        int year = 2200 + 2 * new java.util.Random().nextInt(300);
        Number term = as("sam", "secretariat").contentType("application/json")
                .body(Map.of("code", Funds.unique("T"), "startsOn", year + "-01-01", "endsOn", (year + 1) + "-12-31"))
                .post("/api/cluster-terms").then().statusCode(201).extract().path("id");
        long[] clusters = new long[2];
        long[] activities = new long[2];
        for (int i = 0; i < 2; i++) {
            String name = Funds.unique("Fund cluster");
            Number cluster = as("sam", "secretariat").contentType("application/json")
                    .body(Map.of("name", Map.of("en", name, "fr", name, "es", name), "description", Map.of("en", "About"),
                            "topics", java.util.List.of(1), "status", "ACTIVE"))
                    .post("/api/clusters").then().statusCode(201).extract().path("id");
            clusters[i] = cluster.longValue();
            Number activity = as("sam", "secretariat").post("/api/clusters/" + cluster + "/terms/" + term + "/work-plan/from-template")
                    .then().statusCode(201).extract().path("activities[0].id");
            activities[i] = activity.longValue();
        }
        long fundId = fund();
        long donorId = donor("FOUNDATION");
        Map<String, Object> toCluster = Map.of("kind", "CLUSTER", "clusterId", clusters[0]);
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1000.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", toCluster)).statusCode(201);
        receiveUsd(fundId, donorId, "500.00");
        post(fundId, "receipts", Map.of("donorId", donorId, "amount", "1.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "CLUSTER", "clusterId", 999999999))).statusCode(422)
                .body("errors[0].field", equalTo("earmark.clusterId"));
        long line = budgetLine(fundId, 0);

        post(fundId, "allocations", Map.of("budgetLineId", line, "amount", "100.00", "valueDate", "2019-07-01", "source", toCluster))
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("earmark-mismatch"));
        post(fundId, "allocations", Map.of("activityId", activities[1], "amount", "100.00", "valueDate", "2019-07-01", "source", toCluster))
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("earmark-mismatch"));
        long allocation = id(post(fundId, "allocations", Map.of("activityId", activities[0], "amount", "600.00", "valueDate", "2019-07-01",
                "source", toCluster)).statusCode(201).body("activityId", equalTo((int) activities[0])).body("budgetLineId", equalTo(null))
                .body("entry.legs[0].account", equalTo("UNALLOCATED:CLUSTER:" + clusters[0])));
        long spent = spend(fundId, allocation, "150.00");
        manager().get("/api/funds/" + fundId + "/movements/" + spent).then().statusCode(200).body("activityId", equalTo((int) activities[0]));
        // Unearmarked money may go to any activity, under a budget line too; a use is required.
        post(fundId, "allocations", Map.of("budgetLineId", line, "activityId", activities[1], "amount", "200.00", "valueDate", "2019-07-01"))
                .statusCode(201);
        post(fundId, "allocations", Map.of("amount", "10.00", "valueDate", "2019-07-01")).statusCode(422)
                .body("errors[0].field", equalTo("budgetLineId"));
        post(fundId, "allocations", Map.of("activityId", 999999999, "amount", "10.00", "valueDate", "2019-07-01")).statusCode(422)
                .body("errors[0].field", equalTo("activityId"));

        given().get("/api/funds/" + fundId + "/uses").then().statusCode(200)
                .body("allocations.activityId", contains((int) activities[0], (int) activities[1]))
                .body("allocations.deliveryRate", contains("25.00", "0.00"))
                .body("budgetLines[0].allocated", equalTo("200.00"));
        // An allocation to an activity alone has no budget line: the summary still answers (it was a
        // 500) and counts it in the total allocated but under no budget line.
        given().get("/api/funds/" + fundId + "/summary").then().statusCode(200)
                .body("allocated", equalTo("800.00"))
                .body("budgetLines.find { it.budgetLineId == " + line + " }.allocated", equalTo("200.00"));
        Funds.balancedTrialBalance(fundId);
    }

    /**
     * Receipts against a pledge add journal lines and receipts but no pledge: the summary and the
     * statement read each pledge's received amount from its balance row, so their statement count
     * stays as it was however many receipts were paid against the pledges (each round: a pledge,
     * three receipts against it, one of them reversed).
     */
    @Test
    void summaryAndStatementDoNotGrowWithTheReceiptsAgainstAPledge() {
        long fundId = fund();
        String username = Funds.unique("counted");
        long donorId = donor("FOUNDATION", username);
        long line = budgetLine(fundId, 0);
        grow(fundId, donorId, line, 1);
        long summarySmall = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200));
        long statementSmall = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200));
        long pledge = id(post(fundId, "pledges", Map.of("donorId", donorId, "amount", "1000.00", "currency", "EUR", "exchangeRate",
                "1.1", "date", "2019-03-01")).statusCode(201));
        for (int i = 0; i < 30; i++) {
            long receipt = id(post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledge, "amount", "10.00", "currency", "EUR",
                    "exchangeRate", "1.1", "valueDate", "2019-06-30")).statusCode(201));
            if (i % 3 == 0) {
                long entry = manager().get("/api/funds/" + fundId + "/movements/" + receipt).then().statusCode(200)
                        .extract().jsonPath().getLong("entry.id");
                manager().body(Map.of("reason", "twice")).post("/api/funds/" + fundId + "/entries/" + entry + "/reversal").then().statusCode(201);
            }
        }
        long summaryLarge = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200)
                // the first round's pledge is paid; of this one 20 x 10 EUR are received: 800 EUR x 1.1 outstanding
                .body("outstandingPledges", equalTo("880.00")));
        long statementLarge = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200).body("pledges[1].received", equalTo("200.00")).body("pledges[1].outstanding", equalTo("800.00")));
        System.out.printf("SQL statements with 30 more receipts against one pledge: summary %d / %d; statement %d / %d%n",
                summarySmall, summaryLarge, statementSmall, statementLarge);
        assertEquals(summarySmall, summaryLarge, "summary statements");
        assertEquals(statementSmall, statementLarge, "statement statements");
    }

    /**
     * What the database reads for the summary and a donor's statement does not grow with the fund's
     * receipts: the same handler reads (SHOW SESSION STATUS 'Handler_read%', on the connection that
     * runs them) and the same statements with 30 receipts and with 3,000. Receipts by donor type
     * once came from a grouped query over every live receipt, and a statement's shares from one over
     * every receipt of the fund: both read each receipt again.
     */
    @Test
    void summaryAndStatementReadTheSameRowsWith30And3000Receipts() {
        long fundId = fund();
        String username = Funds.unique("counted");
        long donorId = donor("FOUNDATION", username);
        long line = budgetLine(fundId, 0);
        long[] others = {donor("GOVERNMENT"), donor("COMPANY")};
        importReceipts(fundId, others, 0, 29);
        grow(fundId, donorId, line, 1); // the 30th receipt, the counted donor's
        long[] small = {reads(() -> service.summary(fundId)), reads(() -> service.statement(fundId, donorId, statementPage()))};
        long summarySmall = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200));
        long statementSmall = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200));
        for (int from = 29; from < 2_999; from += 990) {
            importReceipts(fundId, others, from, Math.min(from + 990, 2_999));
        }
        assertEquals("30100.00", Funds.summary(fundId).get("received")); // 2,999 x 10.00 USD + 100.00 EUR x 1.1
        long[] large = {reads(() -> service.summary(fundId)), reads(() -> service.statement(fundId, donorId, statementPage()))};
        long summaryLarge = statements(() -> given().get("/api/funds/" + fundId + "/summary").then().statusCode(200));
        long statementLarge = statements(() -> as(username, "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement")
                .then().statusCode(200));
        System.out.printf("Handler reads with 30 / 3,000 receipts: summary %d / %d, statement %d / %d; SQL statements: summary %d / %d,"
                + " statement %d / %d%n", small[0], large[0], small[1], large[1], summarySmall, summaryLarge, statementSmall, statementLarge);
        assertEquals(summarySmall, summaryLarge, "summary statements");
        assertEquals(statementSmall, statementLarge, "statement statements");
        // A few reads of slack (index statistics, page boundaries); a read per receipt would be thousands.
        assertTrue(large[0] <= small[0] + 20, "summary handler reads " + small[0] + " -> " + large[0]);
        assertTrue(large[1] <= small[1] + 20, "statement handler reads " + small[1] + " -> " + large[1]);
        balancesEqualTheirLegs(fundId);
    }

    @Inject
    FundService service;

    @Inject
    jakarta.persistence.EntityManager em;

    private static org.learningcities.common.PageRequest statementPage() {
        return new org.learningcities.common.PageRequest(1, FundResource.STATEMENT_PAGE, java.util.List.of());
    }

    /** Handler_read_* counters of the session that runs the work, before and after (one transaction, one connection). */
    private long reads(Runnable work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            long before = handlerReads();
            work.run();
            return handlerReads() - before;
        });
    }

    private long handlerReads() {
        long sum = 0;
        for (Object row : em.createNativeQuery("SHOW SESSION STATUS LIKE 'Handler_read%'").getResultList()) {
            sum += Long.parseLong(((Object[]) row)[1].toString());
        }
        return sum;
    }

    /** Receipts number from (inclusive) to to (exclusive), 10.00 USD each, alternately from the donors given, by a bank statement. */
    private static void importReceipts(long fundId, long[] donors, int from, int to) {
        StringBuilder csv = new StringBuilder("value_date,donor_reference,amount,currency,rate,bank_reference\n");
        String batch = Funds.unique("B");
        for (int i = from; i < to; i++) {
            csv.append("2019-06-30,").append(donors[i % donors.length]).append(",10.00,USD,,").append(batch).append('-').append(i).append('\n');
        }
        manager().contentType("text/csv").body(csv.toString()).post("/api/funds/" + fundId + "/receipts/import").then().statusCode(201);
    }

    /** Every balance row of the fund equals the sum of its legs in the journal (raw SQL). */
    @SuppressWarnings("unchecked")
    private void balancesEqualTheirLegs(long fundId) {
        java.util.List<Object[]> mismatches = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT b.account, b.debits_usd, b.credits_usd, l.debits, l.credits FROM fund_account_balance b LEFT JOIN"
                        + " (SELECT l.account, SUM(IF(l.side = 'DEBIT', l.amount_usd, 0)) AS debits, SUM(IF(l.side = 'CREDIT', l.amount_usd, 0)) AS credits"
                        + " FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = ?1 GROUP BY l.account) l"
                        + " ON l.account = b.account WHERE b.fund_id = ?1"
                        + " AND (b.debits_usd <> COALESCE(l.debits, 0) OR b.credits_usd <> COALESCE(l.credits, 0))")
                .setParameter(1, fundId).getResultList());
        assertEquals(0, mismatches.size(), () -> mismatches.stream().map(java.util.Arrays::toString).toList().toString());
    }

    /** Per round: a pledge, a receipt against it, an allocation and an expenditure. */
    private static void grow(long fundId, long donorId, long line, int rounds) {
        for (int i = 0; i < rounds; i++) {
            long pledge = id(post(fundId, "pledges", Map.of("donorId", donorId, "amount", "100.00", "currency", "EUR", "exchangeRate",
                    "1.1", "date", "2019-03-01")).statusCode(201));
            post(fundId, "receipts", Map.of("donorId", donorId, "pledgeId", pledge, "amount", "100.00", "currency", "EUR",
                    "exchangeRate", "1.1", "valueDate", "2019-06-30")).statusCode(201);
            long allocation = id(allocate(fundId, line, "50.00").statusCode(201));
            spend(fundId, allocation, "20.00");
        }
    }

    private long statements(Runnable request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }

    private static long spend(long fundId, long allocationId, String amount) {
        return id(post(fundId, "expenditures", Map.of("allocationId", allocationId, "amount", amount, "valueDate", "2019-08-01"))
                .statusCode(201));
    }

    private static long id(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath().getLong("id");
    }
}
