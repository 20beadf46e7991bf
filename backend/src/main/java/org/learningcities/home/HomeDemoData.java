package org.learningcities.home;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.common.DataSeeds;
import org.learningcities.members.FocalPointService;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberViews.FocalPointInput;

/**
 * Gives the demo login {@code coordinator} (Cora Coordinator) a cluster to coordinate, so their
 * work queue has something in it: she becomes a demo focal point of Osan, which coordinates the
 * health and well-being cluster in 2019–2021 with Cork (whose focal point is the {@code focal-point}
 * login). Runs after the member and cluster demo data; once only, and only with lc.demo-data.
 */
@ApplicationScoped
public class HomeDemoData {

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    FocalPointService focalPoints;

    void onStart(@Observes @Priority(3300) StartupEvent start) {
        if (enabled) {
            load();
        }
    }

    public void load() {
        seeds.once("demo-coordinator-login", () -> {
            MemberCity osan = MemberCity.find("countryIso2 = ?1 and name = ?2 and externalId like 'DEMO-%'", "KR", "Osan").firstResult();
            if (osan != null) {
                focalPoints.addTrusted(osan.id, new FocalPointInput("Cora Coordinator (demo)", "Cluster coordinator (demo)",
                        "City of Osan", "coordinator@example.org", null, "en", "coordinator"), true);
            }
        });
    }
}
