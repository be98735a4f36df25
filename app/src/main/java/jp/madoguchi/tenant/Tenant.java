package jp.madoguchi.tenant;

import java.util.List;

/** A municipality served by this deployment. Its slug is also its Camunda tenant id. */
public record Tenant(String id, String name, TenantStatus status, String loginChannelId, String liffId,
    List<String> staffAllowedCidrs) {

  public enum TenantStatus { ACTIVE, SUSPENDED, TERMINATED }
}
