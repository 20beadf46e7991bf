package org.learningcities.fund;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberDemoData;
import org.learningcities.members.MemberDemoDataTest;

/** The demo fund `make run` shows (tests never rely on it; this one loads it to check it). */
@QuarkusTest
class FundDemoDataTest {

    @Inject
    MemberDemoData memberDemo;

    @Inject
    FundDemoData fundDemo;

    @Test
    void theDemoFundHasDonorsOfEveryTypeMovementsInSeveralCurrenciesAndBalances() {
        MemberDemoDataTest.loadOnce(memberDemo);
        fundDemo.loadAsFundManager();
        fundDemo.loadAsFundManager(); // once only

        List<Map<String, Object>> funds = given().queryParam("size", 200).get("/api/funds").then().statusCode(200)
                .extract().path("items.findAll { it.code == '" + FundDemoData.FUND_CODE + "' }");
        long fundId = ((Number) funds.get(0).get("id")).longValue();
        // One allocation goes to a Literacy cluster activity when the cluster demo data was loaded first.
        List<Object> toActivities = given().get("/api/funds/" + fundId + "/uses").then().statusCode(200)
                .extract().path("allocations.findAll { it.activityId != null }.allocated");
        int activityAllocations = toActivities.size();
        given().get("/api/funds/" + fundId + "/summary").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.containsString("demo figures"))
                .body("allocated", equalTo(activityAllocations == 0 ? "230000.00" : "250000.00"))
                .body("spent", equalTo(activityAllocations == 0 ? "115000.00" : "120000.00"))
                .body("allocatedToAfrica", equalTo("140000.00")).body("allocatedToLowIncome", equalTo("140000.00"))
                .body("receivedByDonorType.donorType", org.hamcrest.Matchers.hasItems("CITY", "GOVERNMENT", "COMPANY", "FOUNDATION", "OTHER"));
        Funds.balancedTrialBalance(fundId);

        // Dana Donor (user `donor`) finds the government donor and reads its statement.
        long donorId = as("donor", "donor").get("/api/me/donors").then().statusCode(200)
                .body("items.donorType", hasItem("GOVERNMENT")).extract().jsonPath().getLong("items[0].id");
        as("donor", "donor").get("/api/funds/" + fundId + "/donors/" + donorId + "/statement").then().statusCode(200)
                .body("receipts[0].currency", equalTo("EUR")).body("uses[0].pool.region", equalTo("AFRICA"));
    }
}
