package org.learningcities.clusters;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.clusters.ClusterViews.ClusterInput;
import org.learningcities.clusters.ClusterViews.CoordinatorInput;
import org.learningcities.clusters.ClusterViews.JoinInput;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.ClusterViews.OptionalText;
import org.learningcities.clusters.ClusterViews.TermInput;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Roles;
import org.learningcities.members.MemberCity;

/**
 * The 2019–2021 clusters for `make run`: the seven that came out of the 2019 survey, with the
 * coordinators presented at the 2021 conference (DOMAIN.md §5; empty where unknown), members
 * from the demo cities and work plans started from the strategy's template. Loaded through the
 * services, as the secretariat, so every rule holds for demo data too.
 */
@ApplicationScoped
public class ClusterDemoData {

    private record DemoCluster(String en, String fr, String es, List<Integer> topics, List<String> coordinators) {
    }

    private static final List<DemoCluster> CLUSTERS = List.of(
            new DemoCluster("Education for Sustainable Development", "Éducation au développement durable",
                    "Educación para el Desarrollo Sostenible", List.of(1), List.of()),
            new DemoCluster("Equity and inclusion", "Équité et inclusion", "Equidad e inclusión",
                    List.of(3, 4, 5, 9, 10), List.of()),
            new DemoCluster("Educational planning, monitoring and evaluation", "Planification, suivi et évaluation de l'éducation",
                    "Planificación, monitoreo y evaluación educativa", List.of(11, 12), List.of("KR/Goyang")),
            new DemoCluster("Global citizenship education", "Éducation à la citoyenneté mondiale", "Educación para la ciudadanía mundial",
                    List.of(7), List.of("GR/Larissa", "KR/Yeonsu")),
            new DemoCluster("Entrepreneurship", "Entrepreneuriat", "Emprendimiento", List.of(8), List.of("CN/Chengdu", "IT/Turin")),
            new DemoCluster("Health and well-being", "Santé et bien-être", "Salud y bienestar", List.of(2), List.of("IE/Cork", "KR/Osan")),
            new DemoCluster("Literacy", "Alphabétisation", "Alfabetización", List.of(6), List.of()));

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    ClusterService clusters;

    @Inject
    WorkPlanService workPlans;

    @Inject
    CurrentIdentityAssociation identity;

    // After the member demo data (priority 3000).
    void onStart(@Observes @Priority(3100) StartupEvent start) {
        if (enabled) {
            loadAsSecretariat();
        }
    }

    @ActivateRequestContext
    void loadAsSecretariat() {
        identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("demo-data"))
                .addRole(Roles.SECRETARIAT).build());
        seeds.once("demo-clusters", this::load);
    }

    void load() {
        long term = clusters.createTerm(new TermInput("2019-2021", LocalDate.of(2019, 9, 1), LocalDate.of(2021, 8, 31))).id();
        List<MemberCity> cities = MemberCity.list("externalId like 'DEMO-%' order by externalId");
        Map<String, MemberCity> byKey = new java.util.HashMap<>();
        cities.forEach(c -> byKey.put(c.countryIso2 + "/" + c.name, c));
        List<Long> clusterIds = new ArrayList<>();
        for (DemoCluster demo : CLUSTERS) {
            long cluster = clusters.create(new ClusterInput(new LocalizedText(demo.en(), demo.fr(), demo.es()),
                    new OptionalText(null, null, null), demo.topics(), List.of(), ClusterStatus.ACTIVE)).id();
            clusterIds.add(cluster);
            for (String key : demo.coordinators()) {
                MemberCity city = byKey.get(key);
                if (city != null) {
                    clusters.appoint(cluster, term, new CoordinatorInput(city.id));
                }
            }
            workPlans.fromTemplate(cluster, term);
        }
        // Every fifth demo city joins one cluster, a few join a second: well within three per city.
        for (int i = 0; i < cities.size(); i += 5) {
            MemberCity city = cities.get(i);
            if (city.yearJoined <= 2021) {
                joinQuietly(clusterIds.get(i % clusterIds.size()), term, city.id);
                if (i % 3 == 0) {
                    joinQuietly(clusterIds.get((i + 3) % clusterIds.size()), term, city.id);
                }
            }
        }
    }

    private void joinQuietly(long cluster, long term, long memberId) {
        boolean already = ClusterMembership.count("clusterId = ?1 and termId = ?2 and memberId = ?3", cluster, term, memberId) > 0;
        if (!already) {
            clusters.joinCluster(cluster, term, new JoinInput(memberId, LocalDate.of(2019, 10, 1)));
        }
    }
}
