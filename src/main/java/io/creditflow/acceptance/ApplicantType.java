package io.creditflow.acceptance;

/** A consumer (a natural person buying privately) or a business (identified by its Chamber of Commerce number). */
public enum ApplicantType { CONSUMER, BUSINESS }
