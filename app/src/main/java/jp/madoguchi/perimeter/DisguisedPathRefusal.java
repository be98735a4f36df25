package jp.madoguchi.perimeter;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path that percent-encodes a letter, a digit or one of {@code - . _ ~}. No browser or
 * client encodes these (RFC 3986 calls them unreserved); only someone who wants a path to look
 * different to a rule than to the router does, as in {@code /api/demo/%61dmin/staff}. Madoguchi's
 * own rules read the decoded path, but the engine's and Spring's filters read the raw one too
 * ({@code /%65ngine-rest/task} ended in a 500 inside Spring's path parsing).
 */
class DisguisedPathRefusal extends OncePerRequestFilter {

  private static final Pattern ENCODED_UNRESERVED =
      Pattern.compile("%(?:3[0-9]|4[1-9a-f]|5[0-9af]|6[1-9a-f]|7[0-9ae]|2[de])", Pattern.CASE_INSENSITIVE);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ENCODED_UNRESERVED.matcher(request.getRequestURI()).find()) {
      Refusal.badRequest("URL のパスに、英数字や「-._~」を %xx の形で書かないでください。",
          "do not percent-encode letters, digits or -._~ in the URL path").send(response);
      return;
    }
    chain.doFilter(request, response);
  }
}
