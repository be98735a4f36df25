package jp.madoguchi.application;

import java.time.Instant;
import java.util.UUID;

/** A resident's submission. Its status is not stored here: it is derived from the engine history. */
public record ApplicationRecord(UUID id, String tenantId, String number, String procedureKey,
    String processInstanceId, String residentRef, Instant submittedAt, String label) {
}
