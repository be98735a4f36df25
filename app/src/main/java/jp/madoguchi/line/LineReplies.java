package jp.madoguchi.line;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.Message;
import jp.madoguchi.application.ApplicationRecord;
import jp.madoguchi.application.ApplicationRepository;
import jp.madoguchi.application.ResidentStatus;
import jp.madoguchi.application.ResidentStatusService;
import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ProcedureCatalog.Procedure;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.stereotype.Component;

/** What the Official Account answers: the welcome, the procedure list, the resident's status, help. */
@Component
class LineReplies {

  static final String APPLY = "action=apply";
  static final String STATUS = "action=status";
  static final String CONTACT = "action=contact";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));

  private final TenantRepository tenants;
  private final ProcedureCatalog procedures;
  private final ApplicationRepository applications;
  private final ResidentStatusService statuses;
  private final LiffLinks links;

  LineReplies(TenantRepository tenants, ProcedureCatalog procedures, ApplicationRepository applications,
      ResidentStatusService statuses, LiffLinks links) {
    this.tenants = tenants;
    this.procedures = procedures;
    this.applications = applications;
    this.statuses = statuses;
    this.links = links;
  }

  List<Message> welcome(String tenantId) {
    String name = tenants.findById(tenantId).map(Tenant::name).orElse("");
    return List.of(LineMessages.card("友だち追加ありがとうございます",
        name + "の公式アカウントです",
        "このアカウントから手続の申請と、申請状況の確認ができます。メニューからお選びください。",
        menu()));
  }

  List<Message> forText(String tenantId, String userId, String text) {
    String normalized = text == null ? "" : text.strip();
    if (normalized.contains("状況") || normalized.contains("じょうきょう")) {
      return status(tenantId, userId);
    }
    if (normalized.contains("申請") || normalized.contains("申込") || normalized.contains("申し込")
        || normalized.contains("しんせい")) {
      return apply(tenantId);
    }
    if (normalized.contains("問い合わせ") || normalized.contains("問合せ")) {
      return contact(tenantId);
    }
    return help();
  }

  List<Message> forPostback(String tenantId, String userId, String data) {
    return switch (data == null ? "" : data) {
      case APPLY -> apply(tenantId);
      case STATUS -> status(tenantId, userId);
      case CONTACT -> contact(tenantId);
      default -> help();
    };
  }

  /**
   * Every procedure as a card with its summary and 「申請する」, side by side; the last card links the
   * full catalogue, which also lists what does not fit into one carousel.
   */
  List<Message> apply(String tenantId) {
    List<Procedure> offered = procedures.forTenant(tenantId);
    if (offered.isEmpty()) {
      return List.of(LineMessages.text("現在、LINE から申請できる手続はありません。"));
    }
    int shown = Math.min(offered.size(), LineMessages.MAX_CAROUSEL_CARDS - 1);
    List<FlexBubble> cards = new ArrayList<>();
    for (Procedure procedure : offered.subList(0, shown)) {
      String summary = procedure.summary() != null && !procedure.summary().isBlank() ? procedure.summary()
          : "内容を確かめてから申請できます。";
      cards.add(LineMessages.bubble(procedure.name(), summary,
          List.of(LineMessages.link("申請する", links.apply(tenantId, procedure.key())))));
    }
    String more = offered.size() > shown
        ? "ほかに " + (offered.size() - shown) + " 件の手続があります。一覧からお選びください。"
        : "手続の一覧から、準備するものや手数料を確かめて申請できます。";
    cards.add(LineMessages.bubble("すべての手続（" + offered.size() + "件）", more,
        List.of(LineMessages.link("手続の一覧を開く", links.catalogue(tenantId)))));
    return List.of(LineMessages.carousel("申請できる手続の一覧です（" + offered.size() + "件）", cards));
  }

  List<Message> status(String tenantId, String userId) {
    List<ApplicationRecord> recent = userId == null ? List.of() : applications.findRecentByResident(tenantId, userId, 5);
    if (recent.isEmpty()) {
      return List.of(LineMessages.card("申請はまだありません", "申請状況",
          "このアカウントからの申請はまだありません。", List.of(LineMessages.postback("申請する", APPLY))));
    }
    StringBuilder body = new StringBuilder();
    for (ApplicationRecord application : recent) {
      String status = statuses.current(tenantId, application.processInstanceId()).map(ResidentStatus::status).orElse("受付中");
      String name = procedures.find(tenantId, application.procedureKey()).map(Procedure::name)
          .orElse(application.procedureKey());
      body.append(body.length() == 0 ? "" : "\n\n")
          .append(name).append("\n受付番号 ").append(application.number())
          .append("（").append(DATE.format(application.submittedAt())).append("）\n状況：").append(status);
    }
    return List.of(LineMessages.card("申請状況をお知らせします", "申請状況", body.toString(),
        List.of(LineMessages.link("詳しく見る", links.applications(tenantId)))));
  }

  List<Message> contact(String tenantId) {
    String name = tenants.findById(tenantId).map(Tenant::name).orElse("市役所");
    return List.of(LineMessages.text("お問い合わせは" + name + "の担当課の窓口までお願いします。"
        + "申請についてのお問い合わせの際は、受付番号をお伝えください。"));
  }

  /** Said once when the account is invited to a group or room, where it answers nothing else. */
  List<Message> groupChat() {
    return List.of(LineMessages.text("このアカウントでは、手続の申請と申請状況のご案内を 1 対 1 のトークで行っています。"
        + "グループやトークルームではお答えしません。友だち追加して、1 対 1 のトークからご利用ください。"));
  }

  List<Message> help() {
    return List.of(LineMessages.card("使い方", "ご用件をお選びください",
        "「申請」と送ると申請できる手続の一覧を、「状況」と送ると申請状況をお知らせします。", menu()));
  }

  private static List<Action> menu() {
    return List.of(LineMessages.postback("申請する", APPLY), LineMessages.postback("申請状況", STATUS),
        LineMessages.postback("お問い合わせ", CONTACT));
  }
}
