package org.learningcities.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The way tests call the API: every request and answer is checked against openapi.yaml, so an
 * answer the contract does not describe (an extra field, an undocumented status) fails the test.
 */
public final class Api {

    public static final Path CONTRACT = Path.of("..", "openapi.yaml");

    private static final OpenApiValidationFilter STRICT = filter(false);
    private static final OpenApiValidationFilter RESPONSES_ONLY = filter(true);

    private Api() {
    }

    /** A request the contract allows; request and answer are both validated. */
    public static RequestSpecification given() {
        return RestAssured.given().filter(STRICT);
    }

    /** A deliberately bad request (wrong type, missing field...): only the answer is validated. */
    public static RequestSpecification givenBadRequest() {
        return RestAssured.given().filter(RESPONSES_ONLY);
    }

    /** Bearer token header for a signed test token. */
    public static RequestSpecification as(String username, String... roles) {
        return given().header("Authorization", "Bearer " + Tokens.forUser(username, roles));
    }

    private static OpenApiValidationFilter filter(boolean responsesOnly) {
        String spec;
        try {
            spec = Files.readString(CONTRACT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("openapi.yaml not found at " + CONTRACT.toAbsolutePath(), e);
        }
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                .withLevel("validation.response.body.missing", ValidationReport.Level.ERROR);
        if (responsesOnly) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(ContractFor30.downgrade(spec))
                .withLevelResolver(levels.build())
                .build());
    }
}
