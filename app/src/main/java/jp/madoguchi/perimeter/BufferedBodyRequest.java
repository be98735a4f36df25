package jp.madoguchi.perimeter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose (small, already checked) body was read by the perimeter and is replayed to
 * whoever reads it next. For a form body the parameters come from the same bytes, because the
 * container's own stream is used up.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Map<String, String[]> parameters;

  BufferedBodyRequest(HttpServletRequest request, byte[] body, boolean form) {
    super(request);
    this.body = body;
    this.parameters = form ? parameters(request.getQueryString(), new String(body, charset(request)), charset(request))
        : null;
  }

  byte[] body() {
    return body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream bytes = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The body was already read");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    if (parameters == null) {
      return super.getParameter(name);
    }
    String[] values = parameters.get(name);
    return values == null ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters == null ? super.getParameterMap() : Collections.unmodifiableMap(parameters);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return parameters == null ? super.getParameterValues(name) : parameters.get(name);
  }

  static Charset charset(HttpServletRequest request) {
    String encoding = request.getCharacterEncoding();
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** Query string first, then the form body, as the servlet specification orders them. */
  static Map<String, String[]> parameters(String query, String form, Charset charset) {
    Map<String, List<String>> collected = new LinkedHashMap<>();
    for (String part : new String[] {query, form}) {
      if (part == null || part.isEmpty()) {
        continue;
      }
      for (String pair : part.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
        collected.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    Map<String, String[]> parameters = new LinkedHashMap<>();
    collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
    return parameters;
  }

  private static String decode(String text, Charset charset) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
