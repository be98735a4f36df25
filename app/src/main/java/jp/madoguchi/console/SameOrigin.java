package jp.madoguchi.console;

import jakarta.servlet.http.HttpServletRequest;

/** A request the console's own script made: same origin (when the browser says), with X-Requested-With. */
final class SameOrigin {

  private SameOrigin() {
  }

  static boolean isConsoleCall(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
        && (origin == null || origin.equals(ownOrigin(request)))
        && (fetchSite == null || fetchSite.equals("same-origin"));
  }

  /** The origin the browser sees (scheme, host and port after trusted proxies, as Tomcat's RemoteIpValve sets them). */
  private static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
