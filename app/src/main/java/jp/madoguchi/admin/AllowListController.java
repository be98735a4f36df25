package jp.madoguchi.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.gate.AllowLists;
import jp.madoguchi.gate.ClientAddresses;
import jp.madoguchi.staff.StaffAccess;
import jp.madoguchi.staff.StaffMember;
import jp.madoguchi.staff.StaffRequestException;
import jp.madoguchi.tenant.IpRange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's staff IP allow-list (contract C5): where its staff may use the staff
 * surfaces from. An empty list restricts nothing. A change that would shut out the admin's own
 * current address is refused unless the request confirms it.
 */
@RestController
@RequestMapping("/api/{tenant}/admin/ip-allow-list")
class AllowListController {

  private static final int MAX_RANGES = 100;

  private final AllowLists allowLists;
  private final ApplicationEventPublisher events;

  AllowListController(AllowLists allowLists, ApplicationEventPublisher events) {
    this.allowLists = allowLists;
    this.events = events;
  }

  @GetMapping
  Map<String, Object> get(@PathVariable String tenant, Authentication authentication, HttpServletRequest request) {
    StaffAccess.requireTenantAdmin(authentication, tenant);
    return Map.of("cidrs", allowLists.cidrs(tenant), "yourAddress", ClientAddresses.of(request));
  }

  record AllowListRequest(List<String> cidrs, Boolean confirmLockout) {
  }

  @PutMapping
  Map<String, Object> put(@PathVariable String tenant, @RequestBody AllowListRequest body, Authentication authentication,
      HttpServletRequest request) {
    StaffMember admin = StaffAccess.requireTenantAdmin(authentication, tenant);
    if (body == null || body.cidrs() == null) {
      throw new StaffRequestException(400, "cidrs（CIDR 形式のアドレス範囲の一覧）を指定してください。空の一覧は制限なしです "
          + "(give cidrs, a list of CIDR ranges; an empty list means no restriction)");
    }
    List<String> cidrs = normalised(body.cidrs());
    String yourAddress = ClientAddresses.of(request);
    if (!AllowLists.admits(cidrs, yourAddress) && !Boolean.TRUE.equals(body.confirmLockout())) {
      throw new StaffRequestException(409, "この一覧では、今お使いのアドレス " + yourAddress + " からは管理画面も含めて利用できなくなります。"
          + "本当に変更する場合は \"confirmLockout\": true を付けてください "
          + "(this list would shut out your current address " + yourAddress + ", this console included; "
          + "send \"confirmLockout\": true to change it anyway)");
    }
    List<String> before = allowLists.cidrs(tenant);
    allowLists.replace(tenant, cidrs);
    events.publishEvent(new OperationEvent(tenant, admin.id(), "ip-allow-list.changed", "ip-allow-list",
        Map.of("before", String.join(",", before), "after", String.join(",", cidrs))));
    return Map.of("cidrs", cidrs, "yourAddress", yourAddress);
  }

  private static List<String> normalised(List<String> cidrs) {
    if (cidrs.size() > MAX_RANGES) {
      throw new StaffRequestException(400, "アドレス範囲は " + MAX_RANGES + " 件までです (at most " + MAX_RANGES + " ranges)");
    }
    List<IpRange.InvalidRangeException> problems = new ArrayList<>();
    LinkedHashSet<String> valid = new LinkedHashSet<>();
    for (String cidr : cidrs) {
      try {
        IpRange.parse(cidr);
        valid.add(cidr.trim());
      } catch (IpRange.InvalidRangeException e) {
        problems.add(e);
      }
    }
    if (!problems.isEmpty()) {
      throw new StaffRequestException(400, "CIDR 形式（例: 203.0.113.0/24、2001:db8::/32）で指定してください: "
          + String.join("、", problems.stream().map(IpRange.InvalidRangeException::japanese).toList()) + " ("
          + String.join("; ", problems.stream().map(IllegalArgumentException::getMessage).toList()) + ")");
    }
    return List.copyOf(valid);
  }
}
