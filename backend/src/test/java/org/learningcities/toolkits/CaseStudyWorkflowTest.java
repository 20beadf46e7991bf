package org.learningcities.toolkits;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

@QuarkusTest
class CaseStudyWorkflowTest {

    private static RequestSpecification focal(String user) {
        return as(user, "focal-point").contentType("application/json");
    }

    private static String fiche(long memberId, String name) {
        return "{\"memberId\":" + memberId + ",\"originalLanguage\":\"en\",\"name\":{\"en\":\"" + name + "\"},"
                + "\"contact\":{\"name\":\"Ana\",\"email\":\"ana@example.org\"},\"address\":\"1 Main St\","
                + "\"milieu\":{\"economic\":{\"en\":\"Industrial\"}},\"themeQuestions\":[{\"question\":{\"en\":\"Why?\"},\"answer\":{\"en\":\"Because\"}}]}";
    }

    @Test
    void aFocalPointDraftsAndSubmitsTheSecretariatReturnsThenPublishesAndOnlyThenIsItPublic() {
        long city = Members.create(Members.unique("Fichetown"), "BE", 2019);
        Members.linkFocalPoint(city, "fp-fiche");
        String name = Members.unique("Skills centres");
        var created = focal("fp-fiche").body(fiche(city, name)).post("/api/case-studies")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("contact.name", equalTo("Ana")).extract();
        long id = created.jsonPath().getLong("id");

        given().get("/api/case-studies/" + id).then().statusCode(404);
        as("other-fp", "focal-point").get("/api/case-studies/" + id).then().statusCode(404);
        given().get("/api/case-studies").then().body("items.id", not(hasItem((int) id)));
        focal("fp-fiche").get("/api/case-studies").then().body("items.id", hasItem((int) id));

        as("sam", "secretariat").post("/api/case-studies/" + id + "/publication").then().statusCode(409);
        focal("fp-fiche").post("/api/case-studies/" + id + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        focal("fp-fiche").post("/api/case-studies/" + id + "/publication").then().statusCode(403);
        String etag = focal("fp-fiche").get("/api/case-studies/" + id).then().extract().header("ETag");
        focal("fp-fiche").header("If-Match", etag).body(fiche(city, name)).put("/api/case-studies/" + id).then().statusCode(409);

        as("sam", "secretariat").contentType("application/json").body("{\"comment\":\"Please add the funding mix.\"}")
                .post("/api/case-studies/" + id + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnComment", equalTo("Please add the funding mix."));
        etag = focal("fp-fiche").get("/api/case-studies/" + id).then().extract().header("ETag");
        focal("fp-fiche").header("If-Match", etag)
                .body(fiche(city, name).replace("\"address\"", "\"fundingMix\":{\"en\":\"20% private\"},\"address\""))
                .put("/api/case-studies/" + id).then().statusCode(200).body("fundingMix", equalTo("20% private"));
        focal("fp-fiche").post("/api/case-studies/" + id + "/submission").then().statusCode(200);
        as("sam", "secretariat").post("/api/case-studies/" + id + "/publication").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        given().get("/api/case-studies/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("contact", nullValue()).body("address", nullValue())
                .body("milieu.economic", equalTo("Industrial")).body("themeQuestions[0].answer", equalTo("Because"));
        given().get("/api/case-studies").then().body("items.id", hasItem((int) id));
        given().queryParam("q", name.substring(name.lastIndexOf(' ') + 1)).get("/api/search")
                .then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void aFocalPointDraftsOnlyForTheirOwnCity() {
        long mine = Members.create(Members.unique("Mytown"), "FR", 2019);
        long other = Members.create(Members.unique("Othertown"), "FR", 2019);
        Members.linkFocalPoint(mine, "fp-own");
        focal("fp-own").body(fiche(other, "Not mine")).post("/api/case-studies").then().statusCode(403);
        focal("fp-own").body(fiche(mine, "Mine").replace("\"memberId\":" + mine + ",", "")).post("/api/case-studies").then().statusCode(422);
        as("donor", "donor").contentType("application/json").body(fiche(mine, "Mine")).post("/api/case-studies").then().statusCode(403);
        given().get("/api/case-study-categories").then().statusCode(200)
                .body("items.code", hasItem("C")).body("items.find { it.code == 'F' }.name", equalTo("Diversifying local economic base"));
    }
}
