package jp.madoguchi.perimeter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.madoguchi.web.RequestPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets. A body larger than its route allows is refused with 413 —
 * by its Content-Length before a byte is read, or, when it comes chunked, as soon as the count
 * passes the limit. Small text bodies (JSON, forms) are read here once, checked for what no
 * endpoint may receive (NUL characters, absurd nesting, Camunda variables of refused types) and
 * handed on; other bodies stream through a counter. Query strings must not carry NUL either, and
 * Camunda's paging parameters must not be negative.
 */
final class RequestBodyGuard extends OncePerRequestFilter {

  private static final Pattern NUL_IN_QUERY = Pattern.compile("%00|\u0000", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGINE_API = Pattern.compile("/engine-rest/.*|/camunda/api/engine/.*");
  private static final Pattern NON_NEGATIVE = Pattern.compile("\\d{1,9}");
  /** Bodies up to this size are read here at once; larger ones (uploads, deployments) stream through a counter. */
  private static final long MAX_BUFFERED_BYTES = 2L * 1024 * 1024;

  private final BodyLimits limits;
  private final JsonBodyRules json;

  RequestBodyGuard(PerimeterProperties properties) {
    this.limits = new BodyLimits(properties);
    this.json = new JsonBodyRules(properties.jsonMaxDepth());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean engineApi = ENGINE_API.matcher(RequestPaths.of(request)).matches();
    Optional<Refusal> query = checkQuery(request, engineApi);
    if (query.isPresent()) {
      query.get().send(response);
      return;
    }
    long limit = limits.limitOf(request);
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, limit);
      return;
    }
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (BodyLimits.isMultipart(request) || limit > MAX_BUFFERED_BYTES) {
      streamLimited(request, response, chain, limit);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit);
    if (body == null) {
      tooLarge(response, limit);
      return;
    }
    boolean form = BodyLimits.isForm(request);
    Optional<Refusal> refusal = form ? checkForm(request, body)
        : BodyLimits.isJson(request) ? json.check(body, engineApi) : Optional.empty();
    if (refusal.isPresent()) {
      refusal.get().send(response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body, form), response);
  }

  private static void streamLimited(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      long limit) throws IOException, ServletException {
    LimitedBodyRequest limited = new LimitedBodyRequest(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!limited.exceeded()) {
        throw e;
      }
    }
    if (limited.exceeded() && !response.isCommitted()) {
      response.reset();
      tooLarge(response, limit);
    }
  }

  private static Optional<Refusal> checkQuery(HttpServletRequest request, boolean engineApi) {
    String query = request.getQueryString();
    if (query == null) {
      return Optional.empty();
    }
    if (NUL_IN_QUERY.matcher(query).find()) {
      return Optional.of(JsonBodyRules.nulRefusal());
    }
    if (engineApi) {
      // read from the query string itself: asking the container would consume a form body
      Map<String, String[]> parameters = BufferedBodyRequest.parameters(query, null, BufferedBodyRequest.charset(request));
      for (String paging : new String[] {"firstResult", "maxResults"}) {
        String[] values = parameters.get(paging);
        if (values != null && !NON_NEGATIVE.matcher(values[0]).matches()) {
          return Optional.of(Refusal.badRequest(paging + " は0以上の整数で指定してください",
              paging + " must be a whole number from 0"));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> checkForm(HttpServletRequest request, byte[] body) {
    Map<String, String[]> parameters = BufferedBodyRequest.parameters(null,
        new String(body, BufferedBodyRequest.charset(request)), BufferedBodyRequest.charset(request));
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (parameter.getKey().indexOf('\0') >= 0) {
        return Optional.of(JsonBodyRules.nulRefusal());
      }
      for (String value : parameter.getValue()) {
        if (value.indexOf('\0') >= 0) {
          return Optional.of(JsonBodyRules.nulRefusal());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }

  /** The body, or null when it is longer than the limit (reading stops one byte past it). */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      total += read;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    // nothing more of this body will be read; the client must not keep sending it on this connection
    response.setHeader(HttpHeaders.CONNECTION, "close");
    Refusal.of(HttpStatus.PAYLOAD_TOO_LARGE, "リクエストが大きすぎます（上限 " + readable(limit) + "）",
        "request body larger than " + readable(limit)).send(response);
  }

  private static String readable(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
        : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
  }
}
