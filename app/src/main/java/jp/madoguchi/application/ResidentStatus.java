package jp.madoguchi.application;

import java.time.Instant;

/** A step of the resident's timeline: what the resident reads (e.g. 審査中) and since when. */
public record ResidentStatus(String status, Instant since, String activityId) {
}
