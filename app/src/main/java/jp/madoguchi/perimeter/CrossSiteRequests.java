package jp.madoguchi.perimeter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/**
 * The rule (contract C4) that keeps other web sites from acting with a staff member's credentials:
 * a browser sends a cached HTTP Basic login and the Tasklist session cookie along with requests
 * that another site's page starts. Browsers say where such a request comes from ({@code Origin},
 * {@code Sec-Fetch-Site}); a page of another site cannot add a custom header such as
 * {@code X-Requested-With} without a CORS preflight, which this app never grants.
 */
public final class CrossSiteRequests {

  static final String REQUESTED_WITH = "X-Requested-With";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String publicOrigin;
  private final Set<String> desktopOrigins;

  CrossSiteRequests(String publicUrl, List<String> desktopOrigins) {
    this.publicOrigin = origin(publicUrl);
    this.desktopOrigins = Set.copyOf(desktopOrigins);
  }

  /**
   * HTTP Basic (curl, scripts, Camunda Modeler): refused only when a browser says the request comes
   * from another web site. Tools send neither {@code Origin} nor {@code Sec-Fetch-Site}; Modeler's
   * pages come from {@code file://}, a desktop origin.
   */
  public Optional<String> refusalForBasic(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null && desktopOrigins.contains(origin.trim())) {
      return Optional.empty();
    }
    if (origin != null && !isOwn(origin, request) || fromAnotherSite(request)) {
      return Optional.of(crossSite());
    }
    return Optional.empty();
  }

  /**
   * The Camunda webapp session: reading only from no or this origin and not from a link, image or
   * frame of another site; a change only from this app's
   * own pages ({@code Origin} this origin, {@code Sec-Fetch-Site: same-origin} when the browser sends
   * it) with {@code X-Requested-With: XMLHttpRequest}.
   */
  public Optional<String> refusalForSession(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (SAFE_METHODS.contains(request.getMethod())) {
      return origin != null && !isOwn(origin, request) || fromAnotherSite(request)
          ? Optional.of(crossSite()) : Optional.empty();
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (origin == null || !isOwn(origin, request) || fetchSite != null && !fetchSite.equals("same-origin")) {
      return Optional.of(crossSite());
    }
    if (!"XMLHttpRequest".equals(request.getHeader(REQUESTED_WITH))) {
      return Optional.of("ログイン中の画面からの変更には X-Requested-With: XMLHttpRequest が必要です "
          + "(a change with the webapp session needs the header X-Requested-With: XMLHttpRequest)");
    }
    return Optional.empty();
  }

  /**
   * A request a browser started from another site's page: a link, a form, an image. Such a GET sends a
   * cached Basic login and the session cookie (SameSite=Lax allows it on a link) without an
   * {@code Origin}; only {@code Sec-Fetch-Site} tells. {@code none} is the person's own doing (typed,
   * bookmarked, opened from a mail program).
   */
  static boolean fromAnotherSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    return "cross-site".equals(fetchSite) || "same-site".equals(fetchSite);
  }

  /** Answers 403 with the reason; nothing else happens (a webapp session stays as it was). */
  public void refuse(HttpServletResponse response, String reason) throws IOException {
    new Refusal(HttpStatus.FORBIDDEN, reason).send(response);
  }

  private boolean isOwn(String origin, HttpServletRequest request) {
    String given = origin(origin.trim());
    return given != null && (given.equals(publicOrigin) || given.equals(requestOrigin(request)));
  }

  /** The origin the request was sent to, as the browser addressed it (behind trusted proxies: their forwarded host). */
  private static String requestOrigin(HttpServletRequest request) {
    return origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
  }

  /** scheme://host[:port] in lower case with the scheme's default port left out; null when it is no web origin. */
  static String origin(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return null;
      }
      int port = uri.getPort();
      boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String crossSite() {
    return "他のサイトからの要求は受け付けません (cross-site request refused)";
  }
}
