package jp.madoguchi.liff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to a browser so that it can never run as a page of this site: the type decided by
 * the server, not sniffed; sandboxed; not cached; its name as an ASCII fallback plus UTF-8 (RFC 6266).
 */
final class SafeDownload {

  private SafeDownload() {
  }

  /** @param disposition {@code inline} or {@code attachment} */
  static ResponseEntity<byte[]> of(String contentType, String disposition, String asciiName, String fileName,
      byte[] content) {
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, contentType)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            disposition + "; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(content);
  }
}
