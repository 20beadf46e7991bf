package org.learningcities.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.learningcities.testsupport.Api;

/**
 * The operations of openapi.yaml as the sweep and the matrix walk them, and values that satisfy
 * (or, on purpose, break) their schemas. Read from the contract, so an endpoint added there is
 * walked without touching these tests.
 */
final class Contract {

    static final ObjectMapper JSON = new ObjectMapper();

    record Op(String method, String path, Operation operation) {

        String key() {
            return method + " " + path;
        }

        Set<Integer> documentedStatuses() {
            Set<Integer> statuses = new LinkedHashSet<>();
            operation.getResponses().keySet().forEach(code -> statuses.add(Integer.parseInt(code)));
            return statuses;
        }

        List<Parameter> parameters(String in) {
            List<Parameter> found = new ArrayList<>();
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> in.equals(p.getIn())).forEach(found::add);
            }
            return found;
        }

        boolean hasParameter(String in, String name) {
            return parameters(in).stream().anyMatch(p -> p.getName().equals(name));
        }

        /** The request media types, e.g. application/json or text/csv; empty without a body. */
        Set<String> bodyTypes() {
            return operation.getRequestBody() == null ? Set.of() : operation.getRequestBody().getContent().keySet();
        }

        Schema<?> jsonBodySchema() {
            MediaType media = operation.getRequestBody() == null ? null
                    : operation.getRequestBody().getContent().get("application/json");
            return media == null ? null : media.getSchema();
        }

        String csvExample() {
            MediaType media = operation.getRequestBody().getContent().get("text/csv");
            return media.getExample() == null ? "a,b\n1,2\n" : media.getExample().toString();
        }
    }

    private Contract() {
    }

    /** Every operation, in the contract's order. */
    static List<Op> operations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api;
        try {
            api = new OpenAPIV3Parser().readContents(Files.readString(Api.CONTRACT), null, options).getOpenAPI();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Op> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(new Op(method.name(), path, operation))));
        return operations;
    }

    // ---- reading schemas (3.1: `type` may be a list with 'null'; nullable refs are oneOf [ref, null])

    static Set<String> types(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (types.isEmpty() && schema.getProperties() != null) {
            types.add("object");
        }
        types.remove("null");
        return types;
    }

    /** The schema itself, or the non-null option of a nullable oneOf/anyOf. */
    @SuppressWarnings("rawtypes")
    static Schema<?> concrete(Schema<?> schema) {
        List<Schema> options = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (options != null) {
            for (Schema option : options) {
                if (!types(option).isEmpty() || option.getProperties() != null || option.getEnum() != null) {
                    return option;
                }
            }
        }
        return schema;
    }

    static boolean is(Schema<?> schema, String type) {
        return types(concrete(schema)).contains(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, Schema> properties = concrete(schema).getProperties();
        return properties == null ? Map.of() : (Map) properties;
    }

    static List<String> required(Schema<?> schema) {
        List<String> required = concrete(schema).getRequired();
        return required == null ? List.of() : required;
    }

    // ---- values

    /**
     * A value the schema accepts: its example, else the first enum constant, else one built from
     * type, format and bounds. Integer properties named like an id ({@code memberId}) take the
     * id the caller gives, so a body points at real data.
     */
    static Object valid(Schema<?> declared, String name, Function<String, Object> ids) {
        Schema<?> schema = concrete(declared);
        if (name != null && ids != null && is(schema, "integer") && ids.apply(name) != null) {
            return ids.apply(name);
        }
        if (schema.getExample() != null) {
            return plain(schema.getExample());
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return plain(schema.getExamples().get(0));
        }
        if (schema.getEnum() != null) {
            return schema.getEnum().stream().filter(v -> v != null).findFirst().map(Contract::plain).orElse(null);
        }
        Set<String> types = types(schema);
        if (types.contains("object")) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (String property : required(schema)) {
                object.put(property, valid(properties(schema).get(property), property, ids));
            }
            return object;
        }
        if (types.contains("array")) {
            List<Object> list = new ArrayList<>();
            if (schema.getItems() != null && schema.getMinItems() != null && schema.getMinItems() > 0) {
                list.add(valid(schema.getItems(), null, ids));
            }
            return list;
        }
        if (types.contains("integer")) {
            return schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L;
        }
        if (types.contains("number")) {
            return schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.ONE;
        }
        if (types.contains("boolean")) {
            return true;
        }
        return validString(schema);
    }

    private static String validString(Schema<?> schema) {
        String format = schema.getFormat();
        if ("date".equals(format)) {
            return "2020-06-30";
        }
        if ("date-time".equals(format)) {
            return "2020-06-30T10:00:00Z";
        }
        if ("email".equals(format)) {
            return "someone@example.org";
        }
        if ("uri".equals(format)) {
            return "https://example.org/page";
        }
        if (schema.getPattern() != null) {
            for (String candidate : List.of("Test1", "en", "KE", "EUR", "1000.00", "12")) {
                if (java.util.regex.Pattern.compile(schema.getPattern()).matcher(candidate).find()) {
                    return candidate;
                }
            }
        }
        return "Sample text";
    }

    private static Object plain(Object example) {
        if (example instanceof JsonNode node) {
            return JSON.convertValue(node, Object.class);
        }
        return example;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
