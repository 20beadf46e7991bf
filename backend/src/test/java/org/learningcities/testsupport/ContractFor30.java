package org.learningcities.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The request validator understands OpenAPI 3.0 only (it reads `type: [string, 'null']` as no
 * type and `{type: 'null'}` as anything). The contract is 3.1; this rewrites the few 3.1 forms
 * it uses into their exact 3.0 equivalents (`nullable: true`) for the validator's eyes only.
 */
final class ContractFor30 {

    private ContractFor30() {
    }

    static String downgrade(String yaml) {
        try {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
            ObjectNode root = (ObjectNode) mapper.readTree(yaml);
            root.put("openapi", "3.0.3");
            ObjectNode info = (ObjectNode) root.get("info");
            info.remove("summary");
            if (info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
            rewrite(root, root);
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml cannot be read", e);
        }
    }

    private static void rewrite(JsonNode node, ObjectNode root) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, root));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("type") instanceof ArrayNode types) {
            List<String> kinds = new ArrayList<>();
            types.forEach(t -> kinds.add(t.asText()));
            if (kinds.remove("null")) {
                object.put("nullable", true);
            }
            object.put("type", kinds.get(0));
        }
        for (String combiner : List.of("oneOf", "anyOf")) {
            if (object.get(combiner) instanceof ArrayNode options) {
                ArrayNode kept = options.arrayNode();
                boolean nullable = false;
                for (JsonNode option : options) {
                    if (option.size() == 1 && "null".equals(option.path("type").asText())) {
                        nullable = true;
                    } else {
                        kept.add(option);
                    }
                }
                if (nullable && kept.size() == 1 && kept.get(0).has("$ref")) {
                    // 3.0 cannot make a $ref nullable; inline a nullable copy of the referenced schema.
                    object.remove(combiner);
                    String name = kept.get(0).get("$ref").asText().replace("#/components/schemas/", "");
                    object.setAll(((ObjectNode) root.get("components").get("schemas").get(name)).deepCopy());
                    object.put("nullable", true);
                } else if (nullable) {
                    object.set(combiner, kept);
                    object.put("nullable", true);
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            rewrite(fields.next().getValue(), root);
        }
    }
}
