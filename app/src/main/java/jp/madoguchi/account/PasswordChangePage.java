package jp.madoguchi.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /staff/password}: where a staff member with an initial password (the webapp login
 * sends them here) sets their own. Japanese, no external resources, script allowed by nonce only.
 */
@RestController
class PasswordChangePage {

  private static final SecureRandom RANDOM = new SecureRandom();

  @GetMapping(path = "/staff/password", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    return ResponseEntity.ok()
        .header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; "
            + "style-src 'nonce-" + nonce + "'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
        .header("Cache-Control", "no-store")
        .body(HTML.replace("{{nonce}}", nonce));
  }

  private static final String HTML = """
      <!doctype html>
      <html lang="ja">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>パスワードの変更 | Madoguchi</title>
      <style nonce="{{nonce}}">
        body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        input { width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
        button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
        p.note { color: #57606a; }
        #message { margin-top: 1rem; }
      </style>
      </head>
      <body>
      <main>
        <h1>パスワードの変更</h1>
        <p class="note">初期パスワードやリセットされたパスワードは、最初に変更してください。
          10 文字以上で、英大文字・英小文字・数字・記号を含み、ID や氏名を含まないものにしてください。</p>
        <form id="change">
          <label for="userId">職員 ID</label>
          <input id="userId" name="userId" autocomplete="username" required>
          <label for="current">現在のパスワード</label>
          <input id="current" type="password" autocomplete="current-password" required>
          <label for="next">新しいパスワード</label>
          <input id="next" type="password" autocomplete="new-password" required minlength="10">
          <label for="again">新しいパスワード（確認）</label>
          <input id="again" type="password" autocomplete="new-password" required minlength="10">
          <button type="submit">変更する</button>
        </form>
        <p id="message" role="status" aria-live="polite"></p>
        <p><a href="/camunda/app/tasklist/">Tasklist へ</a></p>
      </main>
      <script nonce="{{nonce}}">
        document.getElementById('change').addEventListener('submit', async (event) => {
          event.preventDefault();
          const message = document.getElementById('message');
          const next = document.getElementById('next').value;
          if (next !== document.getElementById('again').value) {
            message.textContent = '新しいパスワードが一致しません。';
            return;
          }
          const response = await fetch('/staff/password', {
            method: 'POST', headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
            body: JSON.stringify({userId: document.getElementById('userId').value,
              currentPassword: document.getElementById('current').value, newPassword: next})
          });
          const body = await response.json().catch(() => ({}));
          message.textContent = body.message || ('エラー ' + response.status);
        });
      </script>
      </body>
      </html>
      """;
}
