package jp.madoguchi.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support access: a tenant admin lets a named SaaS operator read the tenant's applications (Cockpit,
 * /engine-rest, staff files and documents) for a few hours, with a reason; it ends when the admin ends
 * it or when its time is up (checked every {@code madoguchi.access.support-grant-sweep}). Every start
 * and end is in the tenant's operation log. What Camunda holds for the operator is worked out from
 * all their active grants under the operator's account lock, so grants given or ended at the same
 * moment (by two municipalities, or by an admin and the sweep) each see the others' result.
 */
@Service
public class SupportGrants {

  static final String SYSTEM = "system";
  private static final Logger log = LoggerFactory.getLogger(SupportGrants.class);
  private static final int MAX_REASON = 500;

  private final SupportGrantRepository grants;
  private final SupportAccess access;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;
  private final AccessProperties properties;
  private final Clock clock;
  private final StaffDirectory staff;

  SupportGrants(SupportGrantRepository grants, SupportAccess access, IdentityService identity,
      ApplicationEventPublisher events, AccessProperties properties, Clock clock, StaffDirectory staff) {
    this.grants = grants;
    this.access = access;
    this.identity = identity;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
    this.staff = staff;
  }

  @Transactional
  public SupportGrant create(String tenantId, String grantedBy, String operatorId, Integer hours, String reason) {
    if (operatorId == null || identity.createUserQuery().userId(operatorId).memberOfGroup(StaffGroups.OPERATOR).count() == 0) {
      throw new InvalidSupportGrantException("運用担当者のIDが正しくありません (operatorId must name a SaaS operator)");
    }
    if (hours == null || hours < 1 || hours > properties.supportGrantMaxHours()) {
      throw new InvalidSupportGrantException(("時間は1〜%d時間で指定してください (hours must be 1 to %d)")
          .formatted(properties.supportGrantMaxHours(), properties.supportGrantMaxHours()));
    }
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new InvalidSupportGrantException(("理由を%d文字以内で書いてください（住民の個人情報は書かないでください）"
          + " (a reason of at most %d characters is required; no resident's personal data)").formatted(MAX_REASON, MAX_REASON));
    }
    staff.lockAccount(operatorId);
    Instant now = clock.instant();
    var grant = new SupportGrant(UUID.randomUUID(), tenantId, operatorId, reason.strip(), grantedBy, now,
        now.plus(Duration.ofHours(hours)), null, null);
    grants.insert(grant);
    access.apply(operatorId, grants.activeTenantsOf(operatorId, now));
    events.publishEvent(new OperationEvent(tenantId, grantedBy, "support-grant.created", grant.id().toString(),
        Map.of("operatorId", operatorId, "hours", hours.toString(), "expiresAt", grant.expiresAt().toString(),
            "reason", grant.reason())));
    log.info("Support grant {} for operator {} on tenant {} until {}", grant.id(), operatorId, tenantId, grant.expiresAt());
    return grant;
  }

  public List<SupportGrant> ofTenant(String tenantId) {
    return grants.ofTenant(tenantId);
  }

  /** Ends the grant now; false when there is no such grant in the tenant. */
  @Transactional
  public boolean end(String tenantId, UUID id, String endedBy) {
    SupportGrant grant = grants.find(tenantId, id).orElse(null);
    if (grant == null) {
      return false;
    }
    staff.lockAccount(grant.operatorId());
    if (grants.end(tenantId, id, clock.instant(), endedBy)) {
      ended(grant, endedBy);
    }
    return true;
  }

  /** Ends every grant whose time is up. Each node may run it: ending is a conditional update, applying is idempotent. */
  @Scheduled(fixedDelayString = "${madoguchi.access.support-grant-sweep}", initialDelayString = "PT10S")
  @Transactional
  public void endExpired() {
    for (SupportGrant grant : grants.expired(clock.instant())) {
      staff.lockAccount(grant.operatorId());
      if (grants.end(grant.tenantId(), grant.id(), grant.expiresAt(), SYSTEM)) {
        ended(grant, SYSTEM);
      }
    }
  }

  private void ended(SupportGrant grant, String endedBy) {
    access.apply(grant.operatorId(), grants.activeTenantsOf(grant.operatorId(), clock.instant()));
    events.publishEvent(new OperationEvent(grant.tenantId(), endedBy, "support-grant.ended", grant.id().toString(),
        Map.of("operatorId", grant.operatorId(), "expiresAt", grant.expiresAt().toString())));
    log.info("Support grant {} for operator {} on tenant {} ended by {}", grant.id(), grant.operatorId(),
        grant.tenantId(), endedBy);
  }
}
