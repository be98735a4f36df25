package jp.madoguchi.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a controller tells the access log about the request it answers, as request attributes:
 * which application the request concerns and whether it showed a resident's personal data.
 */
public final class AccessLogAttributes {

  public static final String APPLICATION_NUMBER = "madoguchi.access.applicationNumber";
  public static final String PERSONAL_DATA_READ = "madoguchi.access.personalDataRead";

  private AccessLogAttributes() {
  }

  /** The request concerns this application (e.g. a correction, an upload by staff). */
  public static void concerns(HttpServletRequest request, String applicationNumber) {
    request.setAttribute(APPLICATION_NUMBER, applicationNumber);
  }

  /** The request showed personal data of this application (its data, an attachment, a document). */
  public static void personalDataRead(HttpServletRequest request, String applicationNumber) {
    concerns(request, applicationNumber);
    request.setAttribute(PERSONAL_DATA_READ, Boolean.TRUE);
  }
}
