package jp.madoguchi.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is dispatched by. Every rule that decides by path must read it here, never from
 * {@link HttpServletRequest#getRequestURI()}: the raw URI is still percent-encoded and may carry
 * {@code ;} parameters or doubled slashes, so {@code /api/demo/%61dmin/staff} would not look like a
 * staff path to a rule while the container and Spring route it to the staff API all the same.
 */
public final class RequestPaths {

  private RequestPaths() {
  }

  /** The decoded, normalised path below the context path, as the container mapped it. */
  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }
}
