package org.learningcities.members;

/** Membership status of a city. */
public enum MemberStatus { MEMBER, SUSPENDED, WITHDRAWN }
