package org.learningcities.clusters;

/** Loads the cluster and survey demo data from tests of other packages (the loaders are package-private). */
public final class ClusterDemoLoader {

    private ClusterDemoLoader() {
    }

    public static void load(ClusterDemoData clusters, SurveyDemoData surveys) {
        clusters.loadAsSecretariat();
        surveys.loadAsSecretariat();
    }
}
