package org.learningcities.members;

/** Where a membership application stands; also the name of each recorded step. */
public enum ApplicationState { SUBMITTED, ENDORSED, RECOMMENDED, NOT_RECOMMENDED, ADMITTED, REJECTED }
