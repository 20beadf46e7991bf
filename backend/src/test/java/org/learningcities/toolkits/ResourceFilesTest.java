package org.learningcities.toolkits;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.toolkits.Toolkits.resource;
import static org.learningcities.toolkits.Toolkits.resourceJson;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResourceFilesTest {

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
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
}
