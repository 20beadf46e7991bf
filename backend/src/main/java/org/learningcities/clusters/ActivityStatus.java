package org.learningcities.clusters;

/** Where an activity stands. */
public enum ActivityStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
