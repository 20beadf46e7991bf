package org.learningcities.members;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.learningcities.common.Resources;

/** The demo set `make run` loads (tests never rely on it; this one loads it to check it). */
@QuarkusTest
public class MemberDemoDataTest {

    @Inject
    MemberDemoData demo;

    @Inject
    OrganisationCsv organisations;

    /** Other tests load the demo network too (the cluster demo builds on it): load it once per database. */
    public static void loadOnce(MemberDemoData demo) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (MemberCity.count("externalId like 'DEMO-%'") == 0) {
                demo.load();
            }
        });
    }

    @Test
    void theDemoNetworkHasTheAnnouncedCitiesWithDemoContacts() {
        loadOnce(demo);
        long loaded = QuarkusTransaction.requiringNew().call(() -> MemberCity.count("externalId like 'DEMO-%'"));
        assertEquals(178, loaded, "179 announced rows, Muharraq announced twice");
        long demoContacts = QuarkusTransaction.requiringNew().call(() -> FocalPoint.count("demo = true"));
        assertTrue(demoContacts >= 178);
        // Other suites create cities from the contract's examples (Medellín among them): pick the demo row.
        String demoRow = "items.find { it.externalId != null && it.externalId.startsWith('DEMO-') }";
        given().queryParam("q", "Medellín").queryParam("country", "CO").get("/api/members").then()
                .body(demoRow + ".yearJoined", equalTo(2019)).body(demoRow + ".latitude", equalTo(6.2442f));
        given().queryParam("q", "Espoo").get("/api/members").then().body(demoRow + ".yearJoined", equalTo(2015));
        as("focal-point", "focal-point").get("/api/me/cities").then().body("items[0].name", equalTo("Cork"));
        QuarkusTransaction.requiringNew().run(() -> organisations.run(Resources.text("demo/organisations.csv"), false));
        given().queryParam("q", "Forem").get("/api/organisations").then()
                .body("items[0].kind", equalTo("PUBLIC_EMPLOYMENT_SERVICE")).body("items[0].country.iso2", equalTo("BE"));
    }
}
