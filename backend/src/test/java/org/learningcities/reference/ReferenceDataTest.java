package org.learningcities.reference;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceDataTest {

    @Test
    void topicsComeInTheLanguageAskedForWithProperSpanishForTopics8To10() {
        given().header("Accept-Language", "es").when().get("/api/reference/topics")
                .then().statusCode(200)
                .header("Content-Language", "es")
                .body("total", equalTo(12))
                .body("items.number", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                .body("items.find { it.number == 8 }.name", equalTo("Emprendimiento"))
                .body("items.find { it.number == 9 }.name",
                        equalTo("Tecnologías de la información y la comunicación (TIC), poblaciones excluidas digitalmente"))
                .body("items.find { it.number == 10 }.name", equalTo("Jóvenes en situación de riesgo"));
    }

    @Test
    void langParameterWinsOverAcceptLanguageAndUnknownLanguagesGiveEnglish() {
        given().header("Accept-Language", "es").queryParam("lang", "fr").get("/api/reference/topics/1")
                .then().statusCode(200).header("Content-Language", "fr")
                .body("name", equalTo("Éducation au développement durable (EDD)"));
        given().header("Accept-Language", "de-CH, fr;q=0.5").get("/api/reference/topics/1")
                .then().header("Content-Language", "fr");
        given().header("Accept-Language", "de, it").get("/api/reference/topics/1")
                .then().header("Content-Language", "en")
                .body("name", equalTo("Education for Sustainable Development (ESD)"));
        given().queryParam("lang", "xx").get("/api/reference/topics/1")
                .then().header("Content-Language", "en");
    }

    @Test
    void topicGroupsHoldTheTwelveTopicsInFourGroups() {
        given().queryParam("lang", "en").get("/api/reference/topic-groups")
                .then().statusCode(200)
                .body("items.number", contains(1, 2, 3, 4))
                .body("items[0].name", equalTo("Green and healthy learning cities"))
                .body("items[0].topics.number", contains(1, 2))
                .body("items[1].topics.number", contains(3, 4, 5, 6, 7))
                .body("items[2].topics.number", contains(8, 9, 10))
                .body("items[3].topics.number", contains(11, 12));
        given().queryParam("group", 3).get("/api/reference/topics")
                .then().body("items.code", contains("ENTREPRENEURSHIP", "ICT_DIGITAL_INCLUSION", "YOUTH_AT_RISK"));
    }

    @Test
    void unknownTopicIsA404Problem() {
        given().get("/api/reference/topics/13").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void workAreasCarryTheirObjectives() {
        given().queryParam("lang", "es").get("/api/reference/work-areas")
                .then().statusCode(200)
                .body("items.name", contains("Intercambio de políticas y prácticas", "Creación de capacidad y formación",
                        "Creación e intercambio de conocimientos", "Comunicación"))
                .body("items.objective", everyItem(not(equalTo(""))));
    }

    @Test
    void regionsFollowUnescosGroupingNotM49() {
        given().queryParam("lang", "fr").get("/api/reference/regions")
                .then().statusCode(200)
                .body("items.code", contains("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "EUROPE_NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN"))
                .body("items.name", hasItem("États arabes"))
                .body("items.find { it.code == 'ARAB_STATES' }.countryCount", equalTo(21));
        // Egypt and Morocco are Arab States although M49 puts them in Africa; Türkiye and Israel are in Europe.
        given().get("/api/reference/countries/EG").then().body("unescoRegion.code", equalTo("ARAB_STATES"));
        given().get("/api/reference/countries/TR").then().body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"));
        given().get("/api/reference/countries/IL").then().body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"));
        given().get("/api/reference/countries/KE").then().body("unescoRegion.code", equalTo("AFRICA"));
        given().get("/api/reference/countries/CA").then().body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"));
        given().get("/api/reference/countries/MX").then().body("unescoRegion.code", equalTo("LATIN_AMERICA_CARIBBEAN"));
        given().get("/api/reference/countries/FJ").then().body("unescoRegion.code", equalTo("ASIA_PACIFIC"));
        given().get("/api/reference/countries/AQ").then().body("unescoRegion", nullValue());
    }

    @Test
    void aCountryHasNamesInSixLanguagesAndItsIncomeGroupWithTheEdition() {
        given().queryParam("lang", "fr").get("/api/reference/countries/sn")
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("iso3", equalTo("SEN"))
                .body("numericCode", equalTo(686))
                .body("name", equalTo("Sénégal"))
                .body("names.es", equalTo("Senegal"))
                .body("names.ar", not(nullValue()))
                .body("unescoRegion.name", equalTo("Afrique"))
                .body("incomeGroup.code", equalTo("LOWER_MIDDLE"))
                .body("incomeGroup.edition", equalTo("FY2020"))
                .body("currencies", contains("XOF"));
        given().get("/api/reference/countries/NA").then().body("currencies", contains("NAD", "ZAR"));
    }

    @Test
    void countrySearchIgnoresAccentsAndCaseAndMatchesAnyLanguage() {
        given().queryParam("q", "cote").get("/api/reference/countries")
                .then().statusCode(200).body("items.iso2", hasItem("CI"));
        given().queryParam("q", "ALLEMAGNE").get("/api/reference/countries")
                .then().body("items.iso2", contains("DE"));
        given().queryParam("q", "korea").get("/api/reference/countries")
                .then().body("items.iso2", hasItems("KR", "KP"));
        given().queryParam("q", "ken").get("/api/reference/countries")
                .then().body("items.iso2", contains("KE"));
        given().queryParam("q", "100%_").get("/api/reference/countries")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void countriesFilterByRegionAndIncomeGroupWithPagingAndSorting() {
        given().queryParam("region", "AFRICA").queryParam("incomeGroup", "LOW").queryParam("size", 200)
                .get("/api/reference/countries")
                .then().statusCode(200)
                .body("items.iso2", hasItems("NE", "ML", "ET"))
                .body("items.unescoRegion.code", everyItem(equalTo("AFRICA")))
                .body("items.incomeGroup.code", everyItem(equalTo("LOW")));
        given().queryParam("size", 200).get("/api/reference/countries")
                .then().body("total", equalTo(249)).body("items", hasSize(200)).body("page", equalTo(1));
        given().queryParam("size", 200).queryParam("page", 2).get("/api/reference/countries")
                .then().body("items", hasSize(49)).body("page", equalTo(2));
        given().queryParam("sort", "-iso2").queryParam("size", 1).get("/api/reference/countries")
                .then().body("items[0].iso2", equalTo("ZW"));
        List<String> names = given().queryParam("region", "EUROPE_NORTH_AMERICA").queryParam("size", 200)
                .queryParam("lang", "es").get("/api/reference/countries").then().extract().path("items.name");
        org.junit.jupiter.api.Assertions.assertEquals("Albania", names.get(0));
    }

    @Test
    void badListParametersAre400ProblemsNamingTheParameter() {
        givenBadRequest().queryParam("size", 0).get("/api/reference/countries")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        givenBadRequest().queryParam("size", 201).get("/api/reference/countries")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        givenBadRequest().queryParam("region", "MARS").get("/api/reference/countries")
                .then().statusCode(400).body("errors[0].field", equalTo("region"));
        givenBadRequest().queryParam("sort", "population").get("/api/reference/countries")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        givenBadRequest().queryParam("group", 9).get("/api/reference/topics")
                .then().statusCode(400).body("errors[0].field", equalTo("group"));
    }

    @Test
    void incomeGroupsAreCountedUnderTheCurrentEdition() {
        given().queryParam("lang", "es").get("/api/reference/income-groups")
                .then().statusCode(200)
                .body("items.code", contains("LOW", "LOWER_MIDDLE", "UPPER_MIDDLE", "HIGH"))
                .body("items[0].name", equalTo("Ingreso bajo"))
                .body("items.find { it.code == 'LOW' }.countryCount", equalTo(31));
        given().get("/api/reference/income-group-editions")
                .then().statusCode(200)
                .body("items.find { it.code == 'FY2020' }.effectiveDate", equalTo("2019-07-01"))
                .body("items.find { it.code == 'FY2020' }.classifiedCountries", equalTo(216));
    }

    @Test
    void currenciesKnowTheirMinorUnits() {
        given().queryParam("q", "EUR").get("/api/reference/currencies")
                .then().statusCode(200).body("items[0].minorUnits", equalTo(2)).body("items[0].name", equalTo("Euro"));
        given().queryParam("q", "JPY").get("/api/reference/currencies").then().body("items[0].minorUnits", equalTo(0));
        given().queryParam("q", "KWD").get("/api/reference/currencies").then().body("items[0].minorUnits", equalTo(3));
        given().queryParam("size", 200).get("/api/reference/currencies")
                .then().body("items.code", not(hasItem("XAU")));
    }
}
