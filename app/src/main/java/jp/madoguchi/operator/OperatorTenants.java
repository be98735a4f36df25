package jp.madoguchi.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.database.NamedLocks;
import jp.madoguchi.gate.AllowLists;
import jp.madoguchi.gate.TenantDirectory;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.IpRange;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.Tenant.TenantStatus;
import jp.madoguchi.tenant.TenantCreation;
import jp.madoguchi.tenant.TenantCreation.NewTenant;
import jp.madoguchi.tenant.TenantProblem;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Municipalities as operators manage them. */
@Component
class OperatorTenants {

  private final TenantRepository tenants;
  private final TenantCreation creation;
  private final TenantDirectory directory;
  private final AllowLists allowLists;
  private final ApplicationEventPublisher events;
  private final NamedLocks namedLocks;
  private final StaffDirectory staff;

  OperatorTenants(TenantRepository tenants, TenantCreation creation, TenantDirectory directory, AllowLists allowLists,
      ApplicationEventPublisher events, NamedLocks namedLocks, StaffDirectory staff) {
    this.tenants = tenants;
    this.creation = creation;
    this.directory = directory;
    this.allowLists = allowLists;
    this.events = events;
    this.namedLocks = namedLocks;
    this.staff = staff;
  }

  List<Map<String, Object>> list() {
    return tenants.findAll().stream().map(OperatorTenants::view).toList();
  }

  @Transactional
  Map<String, Object> create(NewTenant request, String actor) {
    if (request == null) {
      throw new StaffRequestException(400, "slug、name、admin を JSON で送ってください (slug, name, admin are required)");
    }
    // the same municipality or first admin sent twice at once: the second finds the first's
    namedLocks.lock("madoguchi.tenant", String.valueOf(request.slug()));
    if (request.admin() != null) {
      staff.lockAccount(request.admin().id());
    }
    List<TenantProblem> problems = creation.problems(request);
    if (!problems.isEmpty()) {
      boolean exists = problems.stream().anyMatch(TenantProblem::conflict);
      throw new StaffRequestException(exists ? 409 : 400, "自治体を作成できません (cannot create the tenant): "
          + String.join("; ", problems.stream().map(TenantProblem::bilingual).toList()));
    }
    creation.create(request);
    events.publishEvent(new OperationEvent(null, actor, "tenant.created", request.slug(), Map.of()));
    events.publishEvent(new OperationEvent(request.slug(), actor, "staff.created", request.admin().id(),
        Map.of("roles", "tenant-admin")));
    return view(tenants.findById(request.slug()).orElseThrow());
  }

  @Transactional
  Map<String, Object> change(String slug, String status, List<String> cidrs, String actor) {
    Tenant tenant = tenants.findById(slug)
        .orElseThrow(() -> new StaffRequestException(404, "その自治体はありません (no such tenant)"));
    if (status != null) {
      TenantStatus next;
      try {
        next = TenantStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new StaffRequestException(400, "status は ACTIVE、SUSPENDED、TERMINATED のいずれかです (status: ACTIVE, SUSPENDED or TERMINATED)");
      }
      if (next != tenant.status()) {
        tenants.updateStatus(slug, next);
        events.publishEvent(new OperationEvent(null, actor, "tenant.status-changed", slug,
            Map.of("before", tenant.status().name(), "after", next.name())));
        events.publishEvent(new OperationEvent(slug, actor, "tenant.status-changed", slug,
            Map.of("before", tenant.status().name(), "after", next.name())));
      }
    }
    if (cidrs != null) {
      for (String cidr : cidrs) {
        try {
          IpRange.parse(cidr);
        } catch (IpRange.InvalidRangeException e) {
          throw new StaffRequestException(400, e.bilingual());
        }
      }
      allowLists.replace(slug, cidrs.stream().map(String::trim).distinct().toList());
      events.publishEvent(new OperationEvent(slug, actor, "ip-allow-list.changed", "ip-allow-list",
          Map.of("before", String.join(",", tenant.staffAllowedCidrs()), "after", String.join(",", cidrs))));
    }
    directory.evict(slug);
    return view(tenants.findById(slug).orElseThrow());
  }

  private static Map<String, Object> view(Tenant tenant) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("slug", tenant.id());
    view.put("name", tenant.name());
    view.put("status", tenant.status().name());
    view.put("staffAllowedCidrs", tenant.staffAllowedCidrs());
    return view;
  }
}
