package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;
import org.learningcities.testsupport.Tokens;

@QuarkusTest
class ClusterReportTest {

    static Map<String, Object> news(String title, String titleFr, String date, boolean published) {
        Map<String, Object> item = new HashMap<>();
        item.put("title", titleFr == null ? Map.of("en", title) : Map.of("en", title, "fr", titleFr));
        item.put("text", titleFr == null ? Map.of("en", "About " + title) : Map.of("en", "About " + title, "fr", "À propos " + titleFr));
        item.put("date", date);
        item.put("link", "https://example.org/" + date);
        item.put("published", published);
        return item;
    }

    static Map<String, Object> report(int year, int half, List<?> activityIds, List<?> news) {
        return Map.of("year", year, "half", half, "summary", Map.of("en", "Half-year " + year + "/" + half),
                "activityIds", activityIds, "news", news);
    }

    /** Due 30 days after each half-year of the term ends; the last one 30 days after the term ends. */
    @Test
    void reportsAreDueThirtyDaysAfterEachHalfYearOfTheTerm() {
        long term = Clusters.term("2040-09-01", "2042-08-31");
        long cluster = Clusters.cluster(Clusters.unique("Due"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String due = "/api/cluster-reports/due";

        // The first half-year (2040-09-01 to 2040-12-31) has not ended on its last day.
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2040-12-31").get(due).then().statusCode(200)
                .body("items", hasSize(0));
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2041-01-30").get(due).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].year", equalTo(2040)).body("items[0].half", equalTo(2))
                .body("items[0].periodStart", equalTo("2040-09-01")).body("items[0].periodEnd", equalTo("2040-12-31"))
                .body("items[0].dueOn", equalTo("2041-01-30")).body("items[0].overdue", equalTo(false))
                .body("items[0].daysOverdue", equalTo(0));
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2041-02-01").get(due).then()
                .body("items[0].overdue", equalTo(true)).body("items[0].daysOverdue", equalTo(2));

        // After the term: five half-years, the last clipped to the term's end and due 30 days later.
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2042-10-01").get(due).then()
                .body("total", equalTo(5))
                .body("items.dueOn", contains("2041-01-30", "2041-07-30", "2042-01-30", "2042-07-30", "2042-09-30"))
                .body("items[4].periodStart", equalTo("2042-07-01")).body("items[4].periodEnd", equalTo("2042-08-31"))
                .body("items[4].daysOverdue", equalTo(1));
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2042-09-15").queryParam("overdue", false).get(due)
                .then().body("items.dueOn", contains("2042-09-30"));

        // A submitted report leaves the list.
        as(coordinator, "coordinator").contentType("application/json").body(report(2041, 1, List.of(), List.of()))
                .post(Clusters.path(cluster, term) + "/reports").then().statusCode(201).body("dueOn", equalTo("2041-07-30"));
        as("sam", "secretariat").queryParam("cluster", cluster).queryParam("on", "2042-10-01").get(due).then()
                .body("items.dueOn", contains("2041-01-30", "2042-01-30", "2042-07-30", "2042-09-30"));

        as(coordinator, "coordinator").get(due).then().statusCode(403);
        givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("sam", "secretariat")).queryParam("on", "someday")
                .get(due).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCoordinatorReportsEachPeriodOnceWithActivitiesAndNews() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Reports"));
        long otherCluster = Clusters.cluster(Clusters.unique("Other"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String otherCoordinator = Clusters.coordinatorOf(otherCluster, term);
        String path = Clusters.path(cluster, term);
        as(coordinator, "coordinator").post(path + "/work-plan/from-template").then().statusCode(201);
        as(otherCoordinator, "coordinator").post(Clusters.path(otherCluster, term) + "/work-plan/from-template").then().statusCode(201);
        Number activity = given().get(path + "/work-plan").then().extract().path("activities[0].id");
        Number foreign = given().get(Clusters.path(otherCluster, term) + "/work-plan").then().extract().path("activities[0].id");

        List<Map<String, Object>> items = List.of(news("Workshop in Cork", "Atelier à Cork", "2040-05-14", true),
                news("Draft agenda", null, "2040-06-01", false));
        String etag = as(coordinator, "coordinator").contentType("application/json").body(report(2040, 1, List.of(activity), items))
                .post(path + "/reports").then().statusCode(201).body("activityIds", contains(activity.intValue()))
                .body("news", hasSize(2)).body("periodEnd", equalTo("2040-06-30")).body("submittedBy", equalTo(coordinator))
                .extract().header("ETag");
        // One report per period.
        as(coordinator, "coordinator").contentType("application/json").body(report(2040, 1, List.of(), List.of()))
                .post(path + "/reports").then().statusCode(409);
        // Another cluster's coordinator, a focal point: 403. A period outside the term, another plan's activity: 422.
        as(otherCoordinator, "coordinator").contentType("application/json").body(report(2040, 2, List.of(), List.of()))
                .post(path + "/reports").then().statusCode(403);
        as("fp-nobody", "focal-point").contentType("application/json").body(report(2040, 2, List.of(), List.of()))
                .post(path + "/reports").then().statusCode(403);
        as(coordinator, "coordinator").contentType("application/json").body(report(2042, 1, List.of(), List.of()))
                .post(path + "/reports").then().statusCode(422).body("detail", containsString("1 problem"));
        as(coordinator, "coordinator").contentType("application/json").body(report(2040, 2, List.of(foreign), List.of()))
                .post(path + "/reports").then().statusCode(422).body("errors[0].field", equalTo("activityIds[0]"));

        // The public sees published news only; the coordinator sees everything.
        given().get(path + "/reports").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].news.title.en", contains("Workshop in Cork"));
        as(coordinator, "coordinator").get(path + "/reports").then().body("items[0].news", hasSize(2));

        // Replacing needs the ETag; the period cannot change.
        Number reportId = given().get(path + "/reports").then().extract().path("items[0].id");
        as(coordinator, "coordinator").contentType("application/json").body(report(2040, 1, List.of(), List.of()))
                .put(path + "/reports/" + reportId).then().statusCode(428);
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", etag).body(report(2040, 2, List.of(), List.of()))
                .put(path + "/reports/" + reportId).then().statusCode(422);
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag)
                .body(report(2040, 1, List.of(activity), List.of(news("Workshop in Cork", "Atelier à Cork", "2040-05-14", true))))
                .put(path + "/reports/" + reportId).then().statusCode(200).body("news", hasSize(1)).body("submittedBy", equalTo("sam"));
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", etag)
                .body(report(2040, 1, List.of(), List.of())).put(path + "/reports/" + reportId).then().statusCode(412);
    }

    @Test
    void newsGathersPublishedItemsByDateAndLanguage() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long cluster = Clusters.cluster(Clusters.unique("News"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String path = Clusters.path(cluster, term);
        as(coordinator, "coordinator").contentType("application/json").body(report(2040, 1, List.of(),
                List.of(news("Spring forum", "Forum de printemps", "2040-04-10", true), news("Hidden", null, "2040-04-11", false))))
                .post(path + "/reports").then().statusCode(201);
        as(coordinator, "coordinator").contentType("application/json").body(report(2040, 2, List.of(),
                List.of(news("Autumn school", null, "2040-10-02", true))))
                .post(path + "/reports").then().statusCode(201);

        given().queryParam("cluster", cluster).get("/api/news").then().statusCode(200)
                .body("total", equalTo(2)).body("items.title", contains("Autumn school", "Spring forum"));
        given().queryParam("cluster", cluster).queryParam("from", "2040-01-01").queryParam("to", "2040-06-30").queryParam("lang", "fr")
                .get("/api/news").then().header("Content-Language", "fr")
                .body("items", hasSize(1)).body("items[0].title", equalTo("Forum de printemps"))
                .body("items[0].text", equalTo("À propos Forum de printemps")).body("items[0].language", equalTo("fr"))
                .body("items[0].link", equalTo("https://example.org/2040-04-10"));
        // No French translation: English, and it says so.
        given().queryParam("cluster", cluster).queryParam("from", "2040-07-01").header("Accept-Language", "fr").get("/api/news").then()
                .body("items[0].title", equalTo("Autumn school")).body("items[0].language", equalTo("en"));
        given().queryParam("cluster", cluster).queryParam("from", "2040-10-03").get("/api/news").then().body("total", equalTo(0));
        given().queryParam("from", "2040-07-01").queryParam("to", "2040-01-01").get("/api/news").then().statusCode(400);
        givenBadRequest().queryParam("from", "spring").get("/api/news").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMemberCityRecordsItsYearlyProgressAndOutcomes() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Progress"));
        long city = Clusters.city("Member", "KE");
        long outsider = Clusters.city("Outsider", "SN");
        String focal = "fp-progress-" + city;
        String otherFocal = "fp-progress-" + outsider;
        Members.linkFocalPoint(city, focal);
        Members.linkFocalPoint(outsider, otherFocal);
        as(focal, "focal-point").contentType("application/json").body(Map.of("memberId", city, "joinedOn", "2040-02-01"))
                .post(Clusters.path(cluster, term) + "/members").then().statusCode(201);
        String member = Clusters.path(cluster, term) + "/members/" + city;

        given().get(member + "/progress").then().statusCode(200).body("yearly", hasSize(0))
                .body("outcomes.kind", contains("POLICY_STRATEGY", "INITIATIVES", "MONITORING"))
                .body("outcomes.status", contains("NOT_STARTED", "NOT_STARTED", "NOT_STARTED"));
        as(focal, "focal-point").contentType("application/json").body(Map.of("text", "Adopted a lifelong learning plan."))
                .put(member + "/progress/2040").then().statusCode(200).body("yearly[0].year", equalTo(2040))
                .body("yearly[0].recordedBy", equalTo(focal));
        as(focal, "focal-point").contentType("application/json").body(Map.of("text", "Rewritten."))
                .put(member + "/progress/2040").then().statusCode(200).body("yearly", hasSize(1)).body("yearly[0].text", equalTo("Rewritten."));
        as(focal, "focal-point").contentType("application/json").body(Map.of("text", "Too late."))
                .put(member + "/progress/2043").then().statusCode(422).body("errors[0].field", equalTo("year"));
        as(otherFocal, "focal-point").contentType("application/json").body(Map.of("text", "Not mine."))
                .put(member + "/progress/2041").then().statusCode(403);
        as(focal, "focal-point").contentType("application/json")
                .body(Map.of("status", "ACHIEVED", "evidenceUrl", "https://example.org/policy.pdf"))
                .put(member + "/outcomes/POLICY_STRATEGY").then().statusCode(200)
                .body("outcomes.status", contains("ACHIEVED", "NOT_STARTED", "NOT_STARTED"))
                .body("outcomes[0].evidenceUrl", equalTo("https://example.org/policy.pdf"));
        as(focal, "focal-point").contentType("application/json").body(Map.of("status", "IN_PROGRESS", "evidenceUrl", "ftp://x/y"))
                .put(member + "/outcomes/MONITORING").then().statusCode(422);
        // A city that is not in the cluster has no progress there.
        as(otherFocal, "focal-point").contentType("application/json").body(Map.of("text", "Not a member."))
                .put(Clusters.path(cluster, term) + "/members/" + outsider + "/progress/2040").then().statusCode(404);
        given().get(Clusters.path(cluster, term) + "/members/" + outsider + "/progress").then().statusCode(404);
    }
}
