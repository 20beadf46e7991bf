package org.learningcities.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

/**
 * openapi.yaml and the code must describe the same API. The routes the resource classes declare
 * (path, method, parameters, request media types) are compared with the contract's operations;
 * anything on one side only fails the build. Answers are held to the contract by the validating
 * filter every test call goes through ({@link Api}).
 */
@QuarkusTest
class ContractDriftTest {

    /** Read by {@link RequestLanguage} for every localised operation rather than per method. */
    private static final Set<String> CROSS_CUTTING_HEADERS = Set.of("header Accept-Language");

    @Test
    void everyRouteInTheCodeIsInTheContractAndViceVersa() throws Exception {
        Map<String, String> code = routesInCode();
        Map<String, String> contract = operationsInContract();
        assertEquals(contract.keySet(), code.keySet(), "operations differ between openapi.yaml and the resources");
        for (String operation : contract.keySet()) {
            assertEquals(contract.get(operation), code.get(operation), "parameters or body of " + operation);
        }
    }

    @Test
    void theServedDocumentIsTheContract() {
        Map<String, Object> served = RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        OpenAPI contract = parse();
        assertEquals(new TreeSet<>(contract.getPaths().keySet()), new TreeSet<>(served.keySet()));
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        try {
            return new OpenAPIV3Parser().readContents(Files.readString(Api.CONTRACT), null, options).getOpenAPI();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> operationsInContract() {
        Map<String, String> operations = new TreeMap<>();
        parse().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.put(method.name() + " " + path, describe(operation))));
        return operations;
    }

    private static String describe(Operation operation) {
        Set<String> parameters = new TreeSet<>();
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                parameters.add(parameter.getIn() + " " + parameter.getName());
            }
        }
        parameters.removeAll(CROSS_CUTTING_HEADERS);
        Set<String> body = operation.getRequestBody() == null ? Set.of()
                : new TreeSet<>(operation.getRequestBody().getContent().keySet());
        return "parameters " + parameters + ", body " + body;
    }

    private static Map<String, String> routesInCode() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        Map<String, String> routes = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, ContractDriftTest.class.getClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                    routes.put(verb + " " + path, describe(method, type));
                }
            }
        }
        assertTrue(routes.size() > 5, "no resources found under " + classes.toAbsolutePath());
        return routes;
    }

    private static String describe(Method method, Class<?> type) {
        Set<String> parameters = new TreeSet<>();
        boolean hasBody = false;
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                parameters.add("query " + parameter.getAnnotation(QueryParam.class).value());
            } else if (parameter.isAnnotationPresent(PathParam.class)) {
                parameters.add("path " + parameter.getAnnotation(PathParam.class).value());
            } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
                parameters.add("header " + parameter.getAnnotation(HeaderParam.class).value());
            } else if (!parameter.isAnnotationPresent(Context.class)) {
                hasBody = true;
            }
        }
        Set<String> body = Set.of();
        if (hasBody) {
            Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                    : type.getAnnotation(Consumes.class);
            body = consumes == null ? Set.of("application/json") : new TreeSet<>(Arrays.asList(consumes.value()));
        }
        return "parameters " + parameters + ", body " + body;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
