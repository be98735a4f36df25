package jp.madoguchi.document;

import java.time.format.DateTimeFormatter;

import org.springframework.web.util.HtmlUtils;
import jp.madoguchi.procedure.JapaneseDates;

/** The verification page's HTML: Japanese first, English second; every value escaped. */
final class VerificationPage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private VerificationPage() {
  }

  /** @param genuine null before an upload, else whether the uploaded file is the document */
  static String render(Documents.Verification document, Boolean genuine) {
    String result = "";
    if (genuine != null) {
      result = genuine
          ? "<p class=\"result ok\" role=\"status\" data-result=\"genuine\">本物で改ざんされていません。<br>"
              + "<span lang=\"en\">Genuine: this file is the document as issued, unchanged.</span></p>"
          : "<p class=\"result ng\" role=\"alert\" data-result=\"mismatch\">一致しません。このファイルは発行された文書と異なります。<br>"
              + "<span lang=\"en\">No match: this file differs from the document as issued.</span></p>";
    }
    return head("文書の確認 (Document verification)") + """
        <h1>文書の確認 <span lang="en">Document verification</span></h1>
        %s
        <dl>
          <dt>発行元 <span lang="en">Issuer</span></dt><dd>%s</dd>
          <dt>文書 <span lang="en">Document</span></dt><dd>%s</dd>
          <dt>受付番号 <span lang="en">Application number</span></dt><dd>%s</dd>
          <dt>発行日時 <span lang="en">Issued at</span></dt><dd>%s (%s JST)</dd>
          <dt>SHA-256</dt><dd class="hash">%s</dd>
        </dl>
        <form method="post" enctype="multipart/form-data">
          <label for="file">お手元の PDF がこの文書と同じか確かめる <span lang="en">Check whether your PDF is this document</span></label>
          <input id="file" name="file" type="file" accept="application/pdf" required>
          <button type="submit">確認する <span lang="en">Verify</span></button>
        </form>
        <p class="note">ファイルはこの確認のためだけに使い、保存しません。文書には発行元の電子署名があり、PDF ビューアでも確認できます。<br>
        <span lang="en">The file is only compared, never stored. The document also carries the issuer's digital signature.</span></p>
        </main></body></html>
        """.formatted(result, escape(document.issuer()), escape(document.title()), escape(document.applicationNumber()),
        escape(JapaneseDates.warekiWithTime(document.issuedAt().toZonedDateTime())),
        TIME.format(document.issuedAt()), document.sha256() == null
            ? "まだ PDF は作られていません（最初にダウンロードされたときに作られます） <span lang=\"en\">No PDF produced yet</span>"
            : escape(document.sha256()));
  }

  static String notFound() {
    return head("文書が見つかりません (Document not found)") + """
        <h1>文書が見つかりません <span lang="en">Document not found</span></h1>
        <p class="result ng">このアドレスの文書は発行されていません。URL をご確認ください。<br>
        <span lang="en">No document has been issued at this address.</span></p>
        </main></body></html>
        """;
  }

  private static String head(String title) {
    return """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>%s</title>
        <style>
          body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 0; color: #1d2a33; background: #f5f7f8; }
          main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem; }
          h1 { font-size: 1.4rem; } h1 span { display: block; font-size: .9rem; color: #5b6770; font-weight: normal; }
          dl { background: #fff; border: 1px solid #d5dbe0; border-radius: .5rem; padding: 1rem; }
          dt { font-weight: bold; margin-top: .6rem; } dt:first-child { margin-top: 0; } dt span { font-weight: normal; color: #5b6770; font-size: .85rem; }
          dd { margin: .2rem 0 0; } .hash { font-family: monospace; word-break: break-all; }
          form { display: grid; gap: .6rem; margin: 1.2rem 0; } label span, .note span, .result span { color: #5b6770; font-size: .85rem; }
          button { padding: .7rem; font-size: 1rem; border: 0; border-radius: .4rem; background: #06c755; color: #fff; }
          .result { padding: 1rem; border-radius: .5rem; font-weight: bold; }
          .ok { background: #e3f7ea; border: 1px solid #06c755; } .ng { background: #fdecea; border: 1px solid #d93025; }
          .note { font-size: .85rem; }
        </style></head><body><main>
        """.formatted(escape(title));
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
