package jp.madoguchi.perimeter;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.MediaType;

/**
 * How large a request body may be, by route and by what it carries. One file upload is a multipart
 * body; everything else the app reads is a small JSON or form body.
 */
final class BodyLimits {

  private static final Pattern WEBHOOK = Pattern.compile("/line/[^/]+/webhook");
  private static final Pattern CALLBACK = Pattern.compile("/(payment|identity)/[^/]+/callback");
  private static final Pattern TENANT_ADMIN = Pattern.compile("/api/[^/]+/admin/.*");

  private final PerimeterProperties limits;

  BodyLimits(PerimeterProperties limits) {
    this.limits = limits;
  }

  long limitOf(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    if (WEBHOOK.matcher(path).matches()) {
      return limits.webhookBody().toBytes();
    }
    if (CALLBACK.matcher(path).matches()) {
      return limits.callbackBody().toBytes();
    }
    if (path.startsWith("/engine-rest/")) {
      return (isMultipart(request) ? limits.deploymentBody() : limits.staffJsonBody()).toBytes();
    }
    if (TENANT_ADMIN.matcher(path).matches()) {
      return (isMultipart(request) ? limits.uploadBody() : limits.staffJsonBody()).toBytes();
    }
    if (path.startsWith("/api/")) {
      return (isMultipart(request) ? limits.uploadBody() : limits.residentJsonBody()).toBytes();
    }
    if (path.startsWith("/verify/")) {
      return (isMultipart(request) ? limits.uploadBody() : limits.otherBody()).toBytes();
    }
    if (path.startsWith("/camunda/") || path.startsWith("/line-simulator/") || path.startsWith("/v2/bot/")) {
      return limits.staffJsonBody().toBytes();
    }
    return limits.otherBody().toBytes();
  }

  static boolean isMultipart(HttpServletRequest request) {
    return hasType(request, MediaType.MULTIPART_FORM_DATA);
  }

  static boolean isJson(HttpServletRequest request) {
    MediaType type = mediaType(request);
    return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
        || type.getSubtype().endsWith("+json"));
  }

  static boolean isForm(HttpServletRequest request) {
    return hasType(request, MediaType.APPLICATION_FORM_URLENCODED);
  }

  private static boolean hasType(HttpServletRequest request, MediaType expected) {
    MediaType type = mediaType(request);
    return type != null && expected.isCompatibleWith(type);
  }

  private static MediaType mediaType(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
