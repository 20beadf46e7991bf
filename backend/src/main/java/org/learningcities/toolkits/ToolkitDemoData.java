package org.learningcities.toolkits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Resources;
import org.learningcities.common.Roles;
import org.learningcities.members.Organisation;
import org.learningcities.toolkits.ToolkitViews.CaseStudyInput;
import org.learningcities.toolkits.ToolkitViews.ProjectInput;
import org.learningcities.toolkits.ToolkitViews.ResourceInput;
import org.learningcities.toolkits.ToolkitViews.ToolkitInput;

/**
 * The seeds' projects, toolkit, resources and fiche for `make run` (demo/toolkits.json, written
 * as API inputs). Loaded through the services as the secretariat, so every rule holds for demo
 * data too; the fiche goes through the whole workflow to be published.
 */
@ApplicationScoped
public class ToolkitDemoData {

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    ObjectMapper json;

    @Inject
    ResourceService resources;

    @Inject
    ProjectService projects;

    @Inject
    ToolkitService toolkits;

    @Inject
    CaseStudyService fiches;

    @Inject
    CurrentIdentityAssociation identity;

    // After the member (3000) and cluster (3100) demo data: the organisations must exist.
    void onStart(@Observes @Priority(3200) StartupEvent start) {
        if (enabled) {
            loadAsSecretariat();
        }
    }

    @ActivateRequestContext
    void loadAsSecretariat() {
        identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("demo-data"))
                .addRole(Roles.SECRETARIAT).build());
        seeds.once("demo-toolkits", this::load);
    }

    void load() {
        try {
            JsonNode demo = json.readTree(Resources.text("demo/toolkits.json"));
            List<String> en = List.of("en");
            Map<String, Long> ids = new HashMap<>();
            for (JsonNode node : demo.get("resources")) {
                ResourceInput input = json.treeToValue(node, ResourceInput.class);
                ids.put(input.externalId(), resources.create(input, en).id());
            }
            for (JsonNode node : demo.get("projects")) {
                ObjectNode project = (ObjectNode) node.get("project").deepCopy();
                ArrayNode outputs = project.putArray("outputResourceIds");
                node.get("outputs").forEach(key -> outputs.add(ids.get(key.asText())));
                for (JsonNode partner : project.get("partners")) {
                    JsonNode organisation = node.get("organisations").get(partner.get("name").asText());
                    if (organisation != null) {
                        ((ObjectNode) partner).put("organisationId", organisationId(organisation.asText()));
                    }
                }
                ProjectInput input = json.treeToValue(project, ProjectInput.class);
                ids.put(input.externalId(), projects.create(input, en).id());
            }
            for (JsonNode node : demo.get("toolkits")) {
                ObjectNode toolkit = (ObjectNode) node.get("toolkit").deepCopy();
                toolkit.put("projectId", ids.get(node.get("project").asText()));
                for (JsonNode section : toolkit.get("sections")) {
                    ArrayNode resourceIds = ((ObjectNode) section).putArray("resourceIds");
                    section.get("resources").forEach(key -> resourceIds.add(ids.get(key.asText())));
                    ((ObjectNode) section).remove("resources");
                }
                toolkits.create(json.treeToValue(toolkit, ToolkitInput.class), en);
            }
            for (JsonNode node : demo.get("caseStudies")) {
                ObjectNode fiche = (ObjectNode) node.get("caseStudy").deepCopy();
                fiche.put("organisationId", organisationId(node.get("organisation").asText()));
                List<Long> categories = new ArrayList<>();
                fiche.get("categoryCodes").forEach(code -> categories.add(
                        CaseStudyCategoryRecord.<CaseStudyCategoryRecord>find("code", code.asText()).firstResult().id));
                fiche.remove("categoryCodes");
                ArrayNode categoryIds = fiche.putArray("categoryIds");
                categories.forEach(categoryIds::add);
                long id = fiches.create(json.treeToValue(fiche, CaseStudyInput.class), en).id();
                fiches.submit(id, en);
                fiches.publish(id, en);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo/toolkits.json cannot be read", e);
        }
    }

    private static Long organisationId(String externalId) {
        Organisation organisation = Organisation.find("externalId", externalId).firstResult();
        return organisation == null ? null : organisation.id;
    }
}
