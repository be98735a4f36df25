package jp.madoguchi.attachment;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** The clerk's page for adding photos to an application, opened from a Tasklist form in a new tab. */
final class StaffUploadPage {

  private StaffUploadPage() {
  }

  static String render(String tenant, String number, boolean mayAdd, List<Attachment> files) {
    String base = "/api/" + HtmlUtils.htmlEscape(tenant) + "/admin/";
    String num = HtmlUtils.htmlEscape(number);
    StringBuilder list = new StringBuilder();
    for (Attachment file : files) {
      String url = base + "attachments/" + file.id();
      String name = HtmlUtils.htmlEscape(file.fileName());
      list.append("<li>").append(file.contentType().startsWith("image/")
          ? "<img src=\"" + url + "\" alt=\"追加した写真 " + name + "\">" : "")
          .append("<a href=\"").append(url).append("\">").append(name).append("</a></li>");
    }
    String form = mayAdd ? """
        <form id="upload" action="%sapplications/%s/attachments" method="post" enctype="multipart/form-data">
          <label for="file">写真を選ぶ（JPEG・PNG、10MBまで。PDFも可）</label>
          <input id="file" name="file" type="file" accept="image/jpeg,image/png,application/pdf" required>
          <button type="submit">アップロード</button>
        </form>
        <p id="status" role="status"></p>
        <script>
          document.getElementById('upload').addEventListener('submit', async (event) => {
            event.preventDefault();
            const status = document.getElementById('status');
            status.textContent = 'アップロード中…';
            const response = await fetch(event.target.action, { method: 'POST', body: new FormData(event.target),
              headers: { 'X-Requested-With': 'XMLHttpRequest' } });
            if (response.ok) { location.reload(); return; }
            const body = await response.json().catch(() => ({}));
            status.textContent = 'アップロードできませんでした：' + (body.message || response.status);
          });
        </script>""".formatted(base, num)
        : "<p>この申請にはファイルを追加できません（完了した申請か、追加できるのは担当課の職員だけです）。</p>";
    return """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>写真の追加 %1$s</title>
        <style>body{font-family:sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.6}
        img{display:block;max-width:100%%;max-height:20rem;margin:.5rem 0}ul{list-style:none;padding:0}
        form{display:grid;gap:.5rem;margin:1rem 0}button{justify-self:start;padding:.4rem 1.2rem}</style></head>
        <body><main>
        <h1>写真の追加（受付番号 %1$s）</h1>
        <p>担当課から住民に見せる写真やファイルをここで追加します。追加したものは住民の申請状況の画面に表示されます。
        追加したら Tasklist に戻り、タスクのフォームに従って完了してください。
        Tasklist にログインしていないときは、ブラウザが職員のIDとパスワードを尋ねます（Tasklist と同じものです）。</p>
        %2$s
        <h2>追加済みの写真・ファイル</h2>
        %3$s
        </main></body></html>
        """.formatted(num, form, files.isEmpty() ? "<p>まだありません。</p>" : "<ul>" + list + "</ul>");
  }
}
