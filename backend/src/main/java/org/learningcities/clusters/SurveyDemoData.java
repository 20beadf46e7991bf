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
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.ClusterViews.OptionalText;
import org.learningcities.clusters.ReportViews.NewsItemInput;
import org.learningcities.clusters.ReportViews.ReportInput;
import org.learningcities.clusters.SurveyViews.AnswerInput;
import org.learningcities.clusters.SurveyViews.Questionnaire;
import org.learningcities.clusters.SurveyViews.SurveyInput;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Roles;
import org.learningcities.members.MemberCity;

/**
 * The 2019 survey for `make run`, on the 2019–2021 term: an answer from every demo city that was a
 * member by 2019 (and from the term's coordinators), its votes spread over the twelve topics in the proportions the strategy reports
 * (ESD 60 of 101 …), the known coordinators willing to coordinate their cluster; and a report of
 * the health and well-being cluster with a published news item. Loaded after the demo clusters.
 */
@ApplicationScoped
public class SurveyDemoData {

    /** The coordinators of 2019–2021 and the cluster (by English name) they offered to coordinate. */
    private static final Map<String, String> VOLUNTEERS = Map.of(
            "GR/Larissa", "Global citizenship education", "KR/Yeonsu", "Global citizenship education",
            "KR/Goyang", "Educational planning, monitoring and evaluation", "CN/Chengdu", "Entrepreneurship",
            "IT/Turin", "Entrepreneurship", "IE/Cork", "Health and well-being", "KR/Osan", "Health and well-being");

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    SurveyService surveys;

    @Inject
    ReportService reports;

    @Inject
    CurrentIdentityAssociation identity;

    // After the cluster demo data (priority 3100).
    void onStart(@Observes @Priority(3200) StartupEvent start) {
        if (enabled) {
            loadAsSecretariat();
        }
    }

    @ActivateRequestContext
    void loadAsSecretariat() {
        identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("demo-data"))
                .addRole(Roles.SECRETARIAT).build());
        seeds.once("demo-surveys", this::load);
    }

    void load() {
        ClusterTerm term = ClusterTerm.find("code", "2019-2021").firstResult();
        if (term == null) {
            return; // the cluster demo data did not run
        }
        long survey = surveys.create(new SurveyInput(term.id, new LocalizedText("Survey on the thematic clusters (2019)",
                "Enquête sur les pôles thématiques (2019)", "Encuesta sobre los grupos temáticos (2019)"),
                LocalDate.of(2019, 1, 15), LocalDate.of(2019, 3, 31))).id();
        // Cities that were members for the 2019-2021 term, and the coordinators whatever year the demo list gives them.
        List<MemberCity> cities = MemberCity.<MemberCity>list("externalId like 'DEMO-%' order by externalId").stream()
                .filter(c -> c.yearJoined <= 2019 || VOLUNTEERS.containsKey(c.countryIso2 + "/" + c.name)).toList();
        int n = cities.size();
        List<Set<Integer>> topics = new ArrayList<>();
        cities.forEach(c -> topics.add(new TreeSet<>()));
        int[] seedVotes = {0, 60, 29, 10, 14, 10, 29, 36, 34, 10, 15, 29, 16};
        int next = 0;
        for (int t = 1; t <= 12; t++) {
            int votes = Math.max(1, Math.round(seedVotes[t] * n / 101f));
            for (int k = 0; k < Math.min(votes, n); k++) {
                topics.get((next + k) % n).add(t);
            }
            next = (next + votes) % Math.max(n, 1);
        }
        for (int i = 0; i < n; i++) {
            MemberCity city = cities.get(i);
            String volunteer = VOLUNTEERS.get(city.countryIso2 + "/" + city.name);
            List<Long> clusterIds = new ArrayList<>();
            if (volunteer != null) {
                Cluster cluster = Cluster.find("nameEn", volunteer).firstResult();
                if (cluster != null) {
                    clusterIds.add(cluster.id);
                }
            }
            boolean willing = volunteer != null || i % 9 == 0;
            SurveyAnswer answer = new SurveyAnswer();
            answer.surveyId = survey;
            answer.memberId = city.id;
            SurveyService.apply(answer, new AnswerInput(new ArrayList<>(topics.get(i)), willing, List.of(), clusterIds,
                    new Questionnaire(i % 3 == 0, i % 2 == 0, i % 4 == 1, i % 5 < 2, i % 8 == 0,
                            i % 17 == 0 ? "Host a study visit to our learning festival" : null)), "demo-data");
            answer.persist();
        }
        Cluster health = Cluster.find("nameEn", "Health and well-being").firstResult();
        if (health != null && WorkPlan.count("clusterId = ?1 and termId = ?2", health.id, term.id) > 0) {
            WorkPlan plan = WorkPlan.find("clusterId = ?1 and termId = ?2", health.id, term.id).firstResult();
            List<Long> done = WorkPlanActivity.<WorkPlanActivity>list("workPlanId = ?1 and code = '1.1'", plan.id).stream()
                    .map(a -> a.id).toList();
            reports.submit(health.id, term.id, new ReportInput(2020, 1,
                    new OptionalText("The members agreed the cluster's objectives and work plan.",
                            "Les membres ont adopté les objectifs et le plan de travail du pôle.",
                            "Los miembros acordaron los objetivos y el plan de trabajo del grupo."),
                    done, List.of(new NewsItemInput(
                            new LocalizedText("Health and well-being cluster agrees its work plan",
                                    "Le pôle santé et bien-être adopte son plan de travail",
                                    "El grupo de salud y bienestar aprueba su plan de trabajo"),
                            new LocalizedText("Coordinated by Cork and Osan, the member cities met online and agreed the cluster's objectives for 2019–2021.",
                                    "Coordonnées par Cork et Osan, les villes membres se sont réunies en ligne et ont adopté les objectifs du pôle pour 2019-2021.",
                                    "Coordinadas por Cork y Osan, las ciudades miembro se reunieron en línea y acordaron los objetivos del grupo para 2019-2021."),
                            LocalDate.of(2020, 6, 15), null, true))));
        }
    }
}
