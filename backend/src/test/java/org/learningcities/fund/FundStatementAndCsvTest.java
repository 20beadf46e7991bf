package org.learningcities.fund;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.fund.Funds.allocate;
import static org.learningcities.fund.Funds.budgetLine;
import static org.learningcities.fund.Funds.donor;
import static org.learningcities.fund.Funds.fund;
import static org.learningcities.fund.Funds.post;
import static org.learningcities.fund.Funds.receiveUsd;
import static org.learningcities.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundStatementAndCsvTest {

    @Test
    void theStatementSaysWhereTheMoneyWentEarmarkedInFullAndUnearmarkedProRata() {
        long fundId = fund();
        String userA = Funds.unique("donor-a");
        long a = donor("GOVERNMENT", userA);
        long b = donor("COMPANY", Funds.unique("donor-b"));
        receiveUsd(fundId, a, "600.00");
        receiveUsd(fundId, b, "400.00");
        post(fundId, "receipts", Map.of("donorId", a, "amount", "300.00", "currency", "USD", "valueDate", "2019-06-30",
                "earmark", Map.of("kind", "REGION", "region", "AFRICA"))).statusCode(201);
        long line = budgetLine(fundId, 1);
        long pooled = allocate(fundId, line, "500.00").statusCode(201).extract().jsonPath().getLong("id");
        post(fundId, "expenditures", Map.of("allocationId", pooled, "amount", "100.00", "valueDate", "2019-08-01")).statusCode(201);
        long africa = post(fundId, "allocations", Map.of("budgetLineId", line, "amount", "200.00", "valueDate", "2019-07-01",
                        "source", Map.of("kind", "REGION", "region", "AFRICA"), "beneficiaryRegion", "AFRICA"))
                .statusCode(201).extract().jsonPath().getLong("id");

        as(userA, "donor").get("/api/funds/" + fundId + "/donors/" + a + "/statement").then().statusCode(200)
                .body("uses.allocationId", contains((int) pooled, (int) africa))
                .body("uses.share", contains("60.00", "100.00"))
                .body("uses.allocatedUsd", contains("300.00", "200.00"))
                .body("uses.spentUsd", contains("60.00", "0.00"))
                .body("uses[1].pool.region", equalTo("AFRICA"))
                .body("attributionRule", containsString("pro rata"));
        Funds.manager().get("/api/funds/" + fundId + "/donors/" + b + "/statement").then().statusCode(200)
                .body("uses.allocationId", contains((int) pooled))
                .body("uses[0].share", equalTo("40.00")).body("uses[0].allocatedUsd", equalTo("200.00"))
                .body("uses[0].spentUsd", equalTo("40.00"));

        String csv = as(userA, "donor").accept("text/csv").get("/api/funds/" + fundId + "/donors/" + a + "/statement")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertTrue(lines.get(0).startsWith("line,date,movementId,earmark,amount,currency"), lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("RECEIPT,")).count());
        assertTrue(lines.contains("USE,2019-07-01," + pooled + ",NONE,,USD,,300.00,," + line + "," + pooled + ",60.00,60.00,,"), csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TOTAL_RECEIVED,") && l.contains("900.00")), csv);
        assertTrue(lines.get(lines.size() - 1).startsWith("RULE,") && lines.get(lines.size() - 1).contains("pro rata"), csv);
        as(userA, "donor").accept("text/csv").get("/api/funds/" + fundId + "/donors/" + b + "/statement").then().statusCode(403);
    }

    /** The statement's lists come one page at a time with their totals; its total is the donor's contributions less refunds. */
    @Test
    void theStatementPagesItsListsAndItsTotalIsWhatTheDonorContributed() {
        long fundId = fund();
        long a = donor("GOVERNMENT");
        for (int i = 0; i < 3; i++) {
            receiveUsd(fundId, a, "100.00");
        }
        post(fundId, "refunds", Map.of("donorId", a, "amount", "50.00", "valueDate", "2019-12-31")).statusCode(201);
        // Another donor's money in the pool is not this donor's to take back.
        long b = donor("COMPANY");
        receiveUsd(fundId, b, "1000.00");
        post(fundId, "refunds", Map.of("donorId", a, "amount", "250.01", "valueDate", "2019-12-31")).statusCode(409)
                .body("type", containsString("insufficient-funds")).body("detail", containsString("250.00"));
        allocate(fundId, budgetLine(fundId, 0), "10.00").statusCode(201);
        Funds.manager().queryParam("size", 2).get("/api/funds/" + fundId + "/donors/" + a + "/statement").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("receiptsTotal", equalTo(3)).body("receipts", hasSize(2))
                .body("pledgesTotal", equalTo(0)).body("usesTotal", equalTo(1)).body("uses", hasSize(1))
                .body("totalReceivedUsd", equalTo("250.00"));
        Funds.manager().queryParam("size", 2).queryParam("page", 2).get("/api/funds/" + fundId + "/donors/" + a + "/statement").then()
                .statusCode(200).body("receipts", hasSize(1)).body("uses", hasSize(0)).body("receiptsTotal", equalTo(3));
        Funds.manager().get("/api/funds/" + fundId + "/donors/" + a + "/statement").then().statusCode(200).body("size", equalTo(50));
        Funds.balancedTrialBalance(fundId);
    }

    @Test
    void theJournalAndTheTrialBalanceExportAsCsvWithTheJournalsFilters() {
        long fundId = fund();
        long a = donor("GOVERNMENT");
        long b = donor("FOUNDATION");
        receiveUsd(fundId, a, "100.00");
        post(fundId, "receipts", Map.of("donorId", b, "amount", "50.00", "currency", "USD", "valueDate", "2020-02-01")).statusCode(201);
        allocate(fundId, budgetLine(fundId, 0), "120.00").statusCode(201);

        String all = Funds.manager().accept("text/csv").get("/api/funds/" + fundId + "/journal").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = Arrays.asList(all.split("\r\n"));
        assertEquals("entryId,movementId,kind,valueDate,donorId,reversesEntryId,account,side,amountUsd,amount,currency,description", lines.get(0));
        assertEquals(1 + 10, lines.size(), all); // receipts: 4 legs each (with the contributions memo pair), the allocation 2

        String receiptsOfB = Funds.manager().accept("text/csv")
                .get("/api/funds/" + fundId + "/journal?kind=RECEIPT&donorId=" + b + "&from=2020-01-01&to=2020-12-31&account=CASH")
                .then().statusCode(200).extract().asString();
        List<String> filtered = Arrays.asList(receiptsOfB.split("\r\n"));
        assertEquals(5, filtered.size(), receiptsOfB);
        assertTrue(filtered.get(1).contains(",RECEIPT,2020-02-01," + b + ",,CASH,DEBIT,50.00,50.00,USD,"), receiptsOfB);
        Funds.manager().get("/api/funds/" + fundId + "/journal?kind=ALLOCATION&from=2019-07-01&to=2019-07-01").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("ALLOCATION"));

        String tb = Funds.manager().accept("text/csv").get("/api/funds/" + fundId + "/trial-balance").then().statusCode(200)
                .extract().asString();
        List<String> tbLines = Arrays.asList(tb.split("\r\n"));
        assertEquals("account,debits,credits,balance", tbLines.get(0));
        assertTrue(tbLines.contains("CASH,150.00,0.00,150.00"), tb);
        assertTrue(tbLines.contains("CONTRIBUTIONS:" + b + ":NONE,0.00,50.00,-50.00"), tb);
        assertTrue(tbLines.contains("HELD_FOR_DONORS:NONE,150.00,0.00,150.00"), tb);
        assertEquals("TOTAL,420.00,420.00,0.00", tbLines.get(tbLines.size() - 1));
        as("dora", "donor").accept("text/csv").get("/api/funds/" + fundId + "/trial-balance").then().statusCode(403);
    }
}
