package jp.madoguchi.line;

import java.io.IOException;
import java.util.List;

import com.linecorp.bot.client.base.UploadFile;
import com.linecorp.bot.messaging.model.RichMenuArea;
import com.linecorp.bot.messaging.model.RichMenuBounds;
import com.linecorp.bot.messaging.model.RichMenuRequest;
import com.linecorp.bot.messaging.model.RichMenuSize;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.stereotype.Service;

/** Creates the tenant's rich menu (申請する / 申請状況 / お問い合わせ) through the Messaging API and makes it the default. */
@Service
public class RichMenuService {

  private static final List<RichMenuImage.Area> AREAS = List.of(
      new RichMenuImage.Area("申請する", "手続の一覧"),
      new RichMenuImage.Area("申請状況", "受付・審査の状況"),
      new RichMenuImage.Area("お問い合わせ", "窓口のご案内"));
  private static final List<String> ACTIONS = List.of(LineReplies.APPLY, LineReplies.STATUS, LineReplies.CONTACT);

  private final TenantRepository tenants;
  private final LineClients clients;

  RichMenuService(TenantRepository tenants, LineClients clients) {
    this.tenants = tenants;
    this.clients = clients;
  }

  public String createDefault(String tenantId) throws IOException {
    Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("Unknown tenant"));
    String previous = tenants.lineSettings(tenantId).map(TenantRepository.LineSettings::richMenuId).orElse(null);
    String richMenuId = LineCalls.await(clients.messaging(tenantId).createRichMenu(request())).body().richMenuId();
    byte[] image = RichMenuImage.render(tenant.name(), AREAS);
    LineCalls.await(clients.blob(tenantId).setRichMenuImage(richMenuId, UploadFile.fromByteArray(image, "image/png")));
    LineCalls.await(clients.messaging(tenantId).setDefaultRichMenu(richMenuId));
    tenants.saveRichMenuId(tenantId, richMenuId);
    if (previous != null && !previous.equals(richMenuId)) {
      try {
        LineCalls.await(clients.messaging(tenantId).deleteRichMenu(previous));
      } catch (IOException alreadyGone) {
        // the old menu was deleted in the LINE console: nothing left to clean up
      }
    }
    return richMenuId;
  }


  private static RichMenuRequest request() {
    int width = RichMenuImage.WIDTH / AREAS.size();
    List<RichMenuArea> areas = new java.util.ArrayList<>();
    for (int i = 0; i < AREAS.size(); i++) {
      areas.add(new RichMenuArea(new RichMenuBounds((long) i * width, 0L, (long) width, (long) RichMenuImage.HEIGHT),
          LineMessages.postback(AREAS.get(i).label(), ACTIONS.get(i))));
    }
    return new RichMenuRequest(new RichMenuSize((long) RichMenuImage.WIDTH, (long) RichMenuImage.HEIGHT), true,
        "madoguchi-main", "メニュー", areas);
  }
}
