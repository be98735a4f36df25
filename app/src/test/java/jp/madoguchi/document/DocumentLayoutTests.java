package jp.madoguchi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.FormSchema;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** Each shipped layout, rendered for a bulky-waste application, read back, its signature checked. */
class DocumentLayoutTests extends IntegrationTest {

  static final ZonedDateTime ISSUED = ZonedDateTime.parse("2026-11-26T14:05:00+09:00[Asia/Tokyo]");
  private static final Path PICTURES = Path.of("target/documents");

  @Autowired Documents documents;
  @Autowired DocumentLayouts layouts;
  @Autowired SigningCredentials credentials;
  @Autowired ObjectMapper json;

  @Test
  void shouldRenderTheReceiptWithTheApplyFormsLabelsAndAWarekiDate() throws Exception {
    byte[] pdf = render("receipt", decision("approve"));

    String text = text(pdf);
    assertThat(text).contains("受付票", "デモ市", "受付番号", "2026-000123", "発行日 令和8年11月26日",
        "粗大ごみ収集申込", "令和8年11月25日 9時30分", "出す品目", "ソファ", "1.5m〜2m", "自転車", "1m〜1.5m",
        "収集先の住所", "デモ市中央1-2-3", "第1希望日", "令和8年12月10日", "日中の連絡先電話番号", "090-1234-5678",
        documents.verificationUrl(DEMO, UUID.fromString(DOCUMENT_ID)), "情報区分：機密性2・個人情報");
    assertThat(text).doesNotContain("${", "審査結果");
    assertSubsetFonts(pdf);
    picture("receipt", pdf);
  }

  @Test
  void shouldRenderTheApprovalNoticeWithTheVisibleDecisionFields() throws Exception {
    ObjectNode variables = decision("approve").put("returnComment", "以前の差戻しのコメント");

    String text = text(picture("approval-notice", render("approval-notice", variables)));

    assertThat(text).contains("承認通知書", "デモ市", "決定の内容", "収集日", "令和8年12月10日",
        "手数料（円）", "1,200", "処理券番号", "T-2026-0001", "決定日", "令和8年11月26日");
    assertThat(text).as("hidden fields of the clerk's form").doesNotContain("以前の差戻し", "却下の理由");
    assertThat(text).as("the clerk's workflow choice (document: omit)").doesNotContain("審査結果", "承認（収集日を決定）");
    assertThat(text).as("no fee was paid online").doesNotContain("納付済み");
  }

  @Test
  void shouldRenderTheRejectionNoticeWithTheReasonAndTheAppealInstructions() throws Exception {
    ObjectNode variables = decision("reject").put("rejectReason", "家電リサイクル法の対象品目（テレビ、冷蔵庫、洗濯機、"
        + "エアコン）は粗大ごみとして収集できません。購入した販売店または指定引取場所にお問い合わせください。");

    String text = text(picture("rejection-notice", render("rejection-notice", variables)));

    assertThat(text).contains("却下通知書", "却下の理由", "家電リサイクル法", "指定引取場所", "審査請求", "デモ市長",
        "令和8年11月26日");
  }

  @Test
  void shouldRenderAnAnswerWithoutAppealInstructions() throws Exception {
    ObjectNode variables = decision("reject").put("rejectReason", "国道のため、国道事務所に連絡しました。");

    String text = text(picture("answer", render("answer", variables)));

    assertThat(text).contains("回答書", "次のとおりお知らせします", "対応の内容", "国道事務所", "回答日",
        "令和8年11月26日", "いただいた内容", "収集先の住所");
    assertThat(text).doesNotContain("審査請求", "却下したので");
  }

  @Test
  void shouldWrapLongCellsAcrossLinesAndPages() throws Exception {
    ArrayNode items = json.createArrayNode();
    for (int i = 1; i <= 45; i++) {
      items.addObject().put("name", "品目" + i + "：木製の大型ダイニングテーブルと揃いの椅子一式（天板は取り外し済み、脚は結束して出します）")
          .put("size", "XL").put("quantity", i % 10 + 1);
    }
    ObjectNode data = data().put("note", "収集場所の説明。".repeat(400) + "ここで終わり").set("items", items);
    byte[] pdf = documents.produce(DEMO, layouts.find("receipt").orElseThrow(), source("受付票", decision("approve"), data));

    String text = text(pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(2);
    }
    for (int i = 1; i <= 45; i++) {
      assertThat(text).contains("品目" + i + "：");
    }
    assertThat(text).contains("は結束して出します", "2m を超える", "ここで終わり");
    picture("receipt-long", pdf);
    picture("receipt-long-last-page", pdf, -1);
  }

  @Test
  void shouldReplaceCharactersTheFontCannotDraw() throws Exception {
    ObjectNode data = data().put("note", "玄関前に出します😀\u0007よろしく");

    String text = text(documents.produce(DEMO, layouts.find("receipt").orElseThrow(),
        source("受付票", decision("approve"), data)));

    assertThat(text).contains("玄関前に出します〓〓よろしく");
  }

  @Test
  void shouldSignWithTheTenantsCertificateOverTheWholeFile() throws Exception {
    byte[] pdf = render("receipt", decision("approve"));

    PdfSignatures.Signature signature = PdfSignatures.read(pdf);
    var credential = credentials.forTenant(DEMO);
    assertThat(signature.subFilter()).isEqualTo("ETSI.CAdES.detached");
    assertThat(credential.certificate().getSubjectX500Principal().getName()).contains("CN=デモ市", "O=demo");
    int[] range = signature.byteRange();
    assertThat(range[0]).isZero();
    assertThat(range[2] + range[3]).as("the byte range covers the file up to its end").isEqualTo(pdf.length);
    assertThat(PdfSignatures.valid(pdf, signature, credential.certificate())).isTrue();
    assertThat(PdfSignatures.valid(pdf, signature, credentials.forTenant(KITA).certificate()))
        .as("another tenant's certificate").isFalse();
  }

  @Test
  void shouldFailValidationWhenOneByteChanges() throws Exception {
    byte[] pdf = render("receipt", decision("approve"));
    PdfSignatures.Signature signature = PdfSignatures.read(pdf);

    byte[] changed = pdf.clone();
    int offset = signature.byteRange()[1] / 2;
    changed[offset] ^= 0x01;

    assertThat(PdfSignatures.valid(changed, signature, credentials.forTenant(DEMO).certificate())).isFalse();
  }

  private static final String DOCUMENT_ID = "6f1c1f7e-7a1e-4c7e-9a55-0d7f5c1e2a01";

  private byte[] render(String layout, ObjectNode variables) throws IOException {
    DocumentLayout chosen = layouts.find(layout).orElseThrow();
    return documents.produce(DEMO, chosen, source(chosen.title(), variables, data()));
  }

  private DocumentComposer.Source source(String title, ObjectNode variables, JsonNode data) throws IOException {
    return new DocumentComposer.Source(DOCUMENT_ID, documents.verificationUrl(DEMO, UUID.fromString(DOCUMENT_ID)),
        "デモ市", "粗大ごみ収集申込", "2026-000123", ZonedDateTime.parse("2026-11-25T09:30:00+09:00[Asia/Tokyo]"), ISSUED,
        title, variables, data, form("apply"), List.of(form("review")), "機密性2・個人情報");
  }

  private ObjectNode data() throws IOException {
    return (ObjectNode) json.readTree("""
        {"items": [{"name": "ソファ", "size": "L", "quantity": 1}, {"name": "自転車", "size": "M", "quantity": 2}],
         "applicantName": "山田 花子", "address": "デモ市中央1-2-3", "addressDetail": "グリーンハイツ201号", "preferredDate1": "2026-12-10",
         "phone": "090-1234-5678", "note": "玄関前に出します。"}""");
  }

  private ObjectNode decision(String decision) {
    ObjectNode variables = json.createObjectNode().put("decision", decision).put("applicationNumber", "2026-000123");
    if ("approve".equals(decision)) {
      variables.put("collectionDate", "2026-12-10").put("fee", 1200).put("ticketNumber", "T-2026-0001");
    }
    return variables;
  }

  private FormSchema form(String step) throws IOException {
    try (InputStream in = new ClassPathResource("forms/bulky-waste-collection/" + step + ".form").getInputStream()) {
      return FormSchema.parse(json.readTree(in));
    }
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static void assertSubsetFonts(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertThat(font.getName()).as("embedded as a subset").matches("[A-Z]{6}\\+NotoSansJP.*");
      }
    }
    assertThat(pdf.length).as("subset fonts keep the file small").isLessThan(300_000);
  }

  /** Page 1 at 100 dpi in target/documents, to look at. */
  static byte[] picture(String name, byte[] pdf) throws IOException {
    return picture(name, pdf, 0);
  }

  /** @param index page index; -1 for the last page */
  static byte[] picture(String name, byte[] pdf, int index) throws IOException {
    Files.createDirectories(PICTURES);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pageIndex = index < 0 ? document.getNumberOfPages() - 1 : index;
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(pageIndex, 100);
      ImageIO.write(page, "png", PICTURES.resolve(name + ".png").toFile());
    }
    return pdf;
  }
}
