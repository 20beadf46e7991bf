package org.learningcities.clusters;

/** Whether a cluster still runs. */
public enum ClusterStatus {
    ACTIVE, CLOSED
}
