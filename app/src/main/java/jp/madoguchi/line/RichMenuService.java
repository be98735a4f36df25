package jp.madoguchi.line;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    String richMenuId = await(clients.messaging(tenantId).createRichMenu(request())).body().richMenuId();
    byte[] image = RichMenuImage.render(tenant.name(), AREAS);
    await(clients.blob(tenantId).setRichMenuImage(richMenuId, UploadFile.fromByteArray(image, "image/png")));
    await(clients.messaging(tenantId).setDefaultRichMenu(richMenuId));
    tenants.saveRichMenuId(tenantId, richMenuId);
    if (previous != null && !previous.equals(richMenuId)) {
      try {
        await(clients.messaging(tenantId).deleteRichMenu(previous));
      } catch (IOException alreadyGone) {
        // the old menu was deleted in the LINE console: nothing left to clean up
      }
    }
    return richMenuId;
  }

  static byte[] image(String tenantName) throws IOException {
    return RichMenuImage.render(tenantName, AREAS);
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

  private static <T> T await(java.util.concurrent.CompletableFuture<T> call) throws IOException {
    try {
      return call.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("LINE did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
