package org.learningcities.fund;

import static org.learningcities.testsupport.Api.as;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data made through the API: each test opens its own fund with its own donors. */
final class Funds {

    private Funds() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static RequestSpecification manager() {
        return as("fiona", "fund-manager").contentType("application/json");
    }

    static long organisation(String name) {
        Number id = as("sam", "secretariat").contentType("application/json")
                .body(Map.of("name", unique(name), "kind", "FOUNDATION"))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A fund with the seven strategy lines; returns its id. */
    static long fund() {
        Number id = manager().body(Map.of("code", unique("F"), "name", "Test fund", "startsOn", "2019-01-01",
                        "endsOn", "2021-12-31", "target", "1000000.00", "agentOrganisationId", organisation("Agent"),
                        "startFromStrategy", true))
                .post("/api/funds").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static long budgetLine(long fundId, int index) {
        Number id = as("fiona", "fund-manager").get("/api/funds/" + fundId).then().statusCode(200)
                .extract().path("budgetLines[" + index + "].id");
        return id.longValue();
    }

    static long donor(String type) {
        return donor(type, null);
    }

    static long donor(String type, String username) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", organisation("Donor"), "donorType", type));
        if (username != null) {
            body.put("username", username);
        }
        Number id = manager().body(body).post("/api/donors").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static ValidatableResponse post(long fundId, String what, Map<String, Object> body) {
        return manager().body(body).post("/api/funds/" + fundId + "/" + what).then();
    }

    /** An unearmarked USD receipt; returns the movement id. */
    static long receiveUsd(long fundId, long donorId, String amount) {
        Number id = post(fundId, "receipts", Map.of("donorId", donorId, "amount", amount, "currency", "USD", "valueDate", "2019-06-30"))
                .statusCode(201).extract().path("id");
        return id.longValue();
    }

    static ValidatableResponse allocate(long fundId, long lineId, String amount) {
        return post(fundId, "allocations", Map.of("budgetLineId", lineId, "amount", amount, "valueDate", "2019-07-01"));
    }

    static Map<String, Object> summary(long fundId) {
        return org.learningcities.testsupport.Api.given().get("/api/funds/" + fundId + "/summary").then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** The trial balance, checked to balance (also by summing its lines) before it is returned. */
    static Map<String, Object> balancedTrialBalance(long fundId) {
        var tb = as("fiona", "fund-manager").get("/api/funds/" + fundId + "/trial-balance").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> accounts = tb.getList("accounts");
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (Map<String, String> line : accounts) {
            debits = debits.add(new BigDecimal(line.get("debits")));
            credits = credits.add(new BigDecimal(line.get("credits")));
        }
        if (debits.compareTo(credits) != 0 || !tb.getBoolean("balanced")
                || new BigDecimal(tb.getString("totalDebits")).compareTo(debits) != 0
                || new BigDecimal(tb.getString("totalCredits")).compareTo(credits) != 0) {
            throw new AssertionError("trial balance does not balance: " + tb.prettify());
        }
        return tb.getMap("$");
    }

    static String balance(Map<String, Object> trialBalance, String account) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> accounts = (List<Map<String, String>>) trialBalance.get("accounts");
        return accounts.stream().filter(a -> a.get("account").equals(account)).map(a -> a.get("balance")).findFirst().orElse(null);
    }
}
