package jp.madoguchi.identity;

import java.util.UUID;

/** One identity assurance of a resident in an application. The verified attributes are stored encrypted apart. */
record IdentityRequest(UUID id, String tenantId, UUID applicationId, String processInstanceId, Status status,
    String provider, String providerRef, String url, String assuranceLevel) {

  enum Status { REQUESTED, VERIFIED, FAILED, EXPIRED }
}
