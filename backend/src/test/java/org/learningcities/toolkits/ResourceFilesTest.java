package org.learningcities.toolkits;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.toolkits.Toolkits.resource;
import static org.learningcities.toolkits.Toolkits.resourceJson;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class ResourceFilesTest {

    @Inject
    EntityManager em;

    /** How many chunks the database file store holds for these bytes. */
    private long storedChunks(byte[] bytes) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM stored_file_chunk WHERE store_key = ?1").setParameter(1, "sha256:" + ResourceService.sha256(bytes))
                .getSingleResult()).longValue());
    }

    private static io.restassured.path.json.JsonPath upload(long resourceId, String language, String name, byte[] bytes) {
        return Toolkits.uploader("secretariat").multiPart("language", language).multiPart("file", name, bytes)
                .post("/api/resources/" + resourceId + "/files").then().statusCode(201).extract().jsonPath();
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A PDF whose bytes no other test (or earlier run on the same database) stored: the store is shared by content. */
    private static byte[] uniquePdf(int size) {
        byte[] bytes = pdf(size);
        byte[] salt = java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(salt, 0, bytes, 16, Math.min(salt.length, size - 16));
        return bytes;
    }

    private long newResource() {
        return resource(resourceJson("GUIDE", "en", "\"en\":\"Setting up a local network\"", null));
    }

    @Test
    void anUploadDownloadsByteForByteWithItsNameTypeAndChecksum() {
        long id = newResource();
        byte[] bytes = pdf(3 * 1024 * 1024 + 17); // several chunks of the database store
        var stored = Toolkits.uploader("secretariat").multiPart("language", "fr").multiPart("file", "Guide local network.pdf", bytes, "application/octet-stream")
                .post("/api/resources/" + id + "/files")
                .then().statusCode(201)
                .body("mediaType", equalTo("application/pdf"))
                .body("size", equalTo(bytes.length))
                .body("sha256", equalTo(ResourceService.sha256(bytes)))
                .body("fileName", equalTo("Guide local network.pdf"))
                .extract().jsonPath();
        String url = stored.getString("downloadUrl");

        byte[] downloaded = given().get(url).then().statusCode(200)
                .header("Content-Type", equalTo("application/pdf"))
                .header("Content-Disposition", equalTo("attachment; filename=\"Guide local network.pdf\"; filename*=UTF-8''Guide%20local%20network.pdf"))
                .header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertArrayEquals(bytes, downloaded);

        given().get("/api/resources/" + id).then().statusCode(200)
                .body("variants.language", contains("fr"))
                .body("variants[0].file.id", equalTo(stored.getInt("id")))
                .body("variants[0].link", nullValue());
    }

    @Test
    void aRangeAnswers206WithThoseBytesAndARangeBeyondTheEnd416() {
        long id = newResource();
        byte[] bytes = pdf(2 * 1024 * 1024 + 100);
        String url = Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "clip.pdf", bytes)
                .post("/api/resources/" + id + "/files").then().statusCode(201).extract().path("downloadUrl");

        int from = 1024 * 1024 - 10; // across a chunk boundary
        byte[] part = given().header("Range", "bytes=" + from + "-" + (from + 99)).get(url)
                .then().statusCode(206)
                .header("Content-Range", equalTo("bytes " + from + "-" + (from + 99) + "/" + bytes.length))
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(bytes, from, from + 100), part);

        byte[] tail = given().header("Range", "bytes=-50").get(url).then().statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 50, bytes.length), tail);

        given().header("Range", "bytes=" + bytes.length + "-").get(url)
                .then().statusCode(416).contentType("application/problem+json")
                .header("Content-Range", equalTo("bytes */" + bytes.length));
    }

    @Test
    void theTypeComesFromTheBytesHtmlNamedPdfIsRefusedAndNothingIsStored() {
        long id = newResource();
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "guide.pdf", html, "application/pdf")
                .post("/api/resources/" + id + "/files")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("HTML"));
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "video.mp4", elf)
                .post("/api/resources/" + id + "/files").then().statusCode(415);
        given().get("/api/resources/" + id).then().statusCode(200).body("variants", hasSize(0));
    }

    @Test
    void oneByteMoreThanTwentyFiveMegabytesIs413AndNothingIsStored() {
        long id = newResource();
        byte[] over = pdf((int) ResourceService.MAX_FILE_BYTES + 1);
        Toolkits.uploader("secretariat").multiPart("language", "es").multiPart("file", "bigger.pdf", over)
                .post("/api/resources/" + id + "/files")
                .then().statusCode(413).contentType("application/problem+json");
        given().get("/api/resources/" + id).then().body("variants", hasSize(0));
    }

    @Test
    void exactlyTwentyFiveMegabytesIsAcceptedAndAnotherUploadForThatLanguageReplacesIt() {
        long id = newResource();
        byte[] limit = pdf((int) ResourceService.MAX_FILE_BYTES); // 25 × 1024 × 1024 bytes
        Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "wrong.pdf", limit)
                .post("/api/resources/" + id + "/files")
                .then().statusCode(201)
                .body("size", equalTo(limit.length))
                .body("sha256", equalTo(ResourceService.sha256(limit)));

        // A wrong file is corrected by uploading the right one for the same language.
        byte[] right = pdf(2048);
        var replaced = Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "right.pdf", right)
                .post("/api/resources/" + id + "/files")
                .then().statusCode(201).extract().jsonPath();
        given().get("/api/resources/" + id).then().statusCode(200)
                .body("variants", hasSize(1))
                .body("variants[0].file.fileName", equalTo("right.pdf"))
                .body("variants[0].file.size", equalTo(right.length));
        assertArrayEquals(right, given().get(replaced.getString("downloadUrl")).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void theDispositionNamesNonAsciiFilesWithFilenameStar() {
        org.junit.jupiter.api.Assertions.assertEquals("attachment; filename=\"Guide r_seau.pdf\"; filename*=UTF-8''Guide%20r%C3%A9seau.pdf",
                ResourceEndpoint.contentDisposition("Guide réseau.pdf"));
    }

    @Test
    void onlyTheSecretariatUploadsAndABadLanguageIs422() {
        long id = newResource();
        Toolkits.uploader("focal-point").multiPart("language", "en").multiPart("file", "a.pdf", pdf(100))
                .post("/api/resources/" + id + "/files").then().statusCode(403);
        Toolkits.uploader("secretariat").multiPart("language", "not a tag").multiPart("file", "a.pdf", pdf(100))
                .post("/api/resources/" + id + "/files").then().statusCode(422);
    }

    @Test
    void anUploadReplacesTheLinkOfItsLanguageAndAPutCannotLinkALanguageWithAFile() {
        long id = resource(resourceJson("VIDEO", "en", "\"en\":\"Video loop\"", "\"links\":{\"en\":\"https://example.org/v.mp4\",\"fr\":\"https://example.org/v-fr.mp4\"}"));
        byte[] mp4 = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, mp4, 0, 12);
        Toolkits.uploader("secretariat").multiPart("language", "en").multiPart("file", "loop.mp4", mp4)
                .post("/api/resources/" + id + "/files").then().statusCode(201).body("mediaType", equalTo("video/mp4"));
        String etag = given().get("/api/resources/" + id).then().statusCode(200)
                .body("variants.language", contains("en", "fr"))
                .body("variants[0].link", nullValue())
                .body("variants[1].link", equalTo("https://example.org/v-fr.mp4"))
                .extract().header("ETag");
        Toolkits.secretariat().header("If-Match", etag)
                .body(resourceJson("VIDEO", "en", "\"en\":\"Video loop\"", "\"links\":{\"en\":\"https://example.org/v.mp4\"}"))
                .put("/api/resources/" + id).then().statusCode(409);
    }

    @Test
    void removingAFileLeavesTheOtherLanguagesDeletesItsBytesAndIsAudited() {
        long id = newResource();
        byte[] wrong = uniquePdf(DatabaseFileStore.CHUNK + 5); // two chunks
        byte[] spanish = uniquePdf(700);
        var removed = upload(id, "fr", "wrong.pdf", wrong);
        upload(id, "es", "guia.pdf", spanish);
        String before = given().get("/api/resources/" + id).then().statusCode(200).extract().header("ETag");
        assertEquals(2, storedChunks(wrong));

        as("remo", "secretariat").delete("/api/resources/" + id + "/languages/fr/file").then().statusCode(204);

        String after = given().get("/api/resources/" + id).then().statusCode(200)
                .body("variants.language", contains("es"))
                .body("variants[0].file.fileName", equalTo("guia.pdf"))
                .header("ETag", not(equalTo(before)))
                .extract().header("ETag");
        given().get(removed.getString("downloadUrl")).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, storedChunks(wrong), "the removed file's bytes are gone from the store");
        assertEquals(1, storedChunks(spanish));
        // The resource's new version: an edit based on the version before the removal is stale.
        Toolkits.secretariat().header("If-Match", before).body(resourceJson("GUIDE", "en", "\"en\":\"Setting up a local network\"", null))
                .put("/api/resources/" + id).then().statusCode(412);

        as("sam", "secretariat").get("/api/audit/resource_file/" + removed.getLong("id")).then().statusCode(200)
                .body("items.action", contains("DELETE", "CREATE"))
                .body("items[0].actor.username", equalTo("remo"))
                .body("items[0].changes.find { it.field == 'fileName' }.old", equalTo("wrong.pdf"))
                .body("items[0].changes.find { it.field == 'language' }.old", equalTo("fr"));
        assertEquals(after, given().get("/api/resources/" + id).then().extract().header("ETag"));
    }

    @Test
    void bytesAnotherFileStillUsesStayWhenOneOfThemIsRemovedOrReplaced() {
        long first = newResource();
        long second = newResource();
        byte[] shared = uniquePdf(4096);
        upload(first, "en", "shared.pdf", shared);
        String url = upload(second, "en", "same-bytes.pdf", shared).getString("downloadUrl");

        as("sam", "secretariat").delete("/api/resources/" + first + "/languages/en/file").then().statusCode(204);
        assertEquals(1, storedChunks(shared));
        assertArrayEquals(shared, given().get(url).then().statusCode(200).extract().asByteArray());

        // Replacing the last file with those bytes by other bytes lets them go too.
        upload(second, "en", "other.pdf", uniquePdf(5000));
        assertEquals(0, storedChunks(shared));
    }

    @Test
    void aLanguageWithoutAFileIs404AndABadTag400() {
        long id = resource(resourceJson("VIDEO", "en", "\"en\":\"Linked video\"", "\"links\":{\"fr\":\"https://example.org/v-fr.mp4\"}"));
        upload(id, "en", "clip.pdf", uniquePdf(300));
        // A link is not a file: it is changed with PUT.
        as("sam", "secretariat").delete("/api/resources/" + id + "/languages/fr/file").then().statusCode(404).contentType("application/problem+json");
        as("sam", "secretariat").delete("/api/resources/" + id + "/languages/es/file").then().statusCode(404);
        as("sam", "secretariat").delete("/api/resources/" + id + "/languages/en/file").then().statusCode(204);
        as("sam", "secretariat").delete("/api/resources/" + id + "/languages/en/file").then().statusCode(404);
        as("sam", "secretariat").delete("/api/resources/999999999/languages/en/file").then().statusCode(404);
        Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .delete("/api/resources/" + id + "/languages/not_a_tag/file").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("language"));
        given().get("/api/resources/" + id).then().body("variants.language", contains("fr"));
    }

    @Test
    void onlyTheSecretariatRemovesAFile() {
        long id = newResource();
        byte[] bytes = uniquePdf(256);
        upload(id, "en", "kept.pdf", bytes);
        for (String role : new String[] {"focal-point", "coordinator", "fund-manager", "donor"}) {
            Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("x-" + role, role))
                    .delete("/api/resources/" + id + "/languages/en/file").then().statusCode(403).contentType("application/problem+json");
        }
        Api.givenBadRequest().delete("/api/resources/" + id + "/languages/en/file").then().statusCode(401);
        given().get("/api/resources/" + id).then().body("variants[0].file.fileName", equalTo("kept.pdf"));
        assertEquals(1, storedChunks(bytes));
    }
}
