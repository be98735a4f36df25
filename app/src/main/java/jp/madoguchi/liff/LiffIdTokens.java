package jp.madoguchi.liff;

import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jp.madoguchi.audit.AccessLogContext;
import jp.madoguchi.line.LineEndpoints;
import jp.madoguchi.line.LineProperties;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Verifies the ID token a LIFF page sends, as LINE documents it: an ES256 signature by a key of
 * LINE's JWKS ({@code /oauth2/v2.1/certs}, cached and refetched when an unknown key id appears),
 * issuer {@code https://access.line.me}, audience = the tenant's LINE Login channel id, not
 * expired. Nothing the page says about the user is trusted otherwise.
 *
 * <p>A LIFF page sends the same token with every call of a session; a token that passed is
 * remembered (by its SHA-256, per tenant) until it expires, so the ES256 check, the costliest part
 * of a request, runs once per token.
 */
@Component
public class LiffIdTokens {

  static final String ISSUER = "https://access.line.me";

  private final TenantRepository tenants;
  private final LineEndpoints endpoints;
  /** Tokens with unknown key ids make us refetch LINE's keys at most this often (no refetch storms). */
  private final LineProperties line;
  private final Map<String, ConfigurableJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
  private volatile JWKSource<SecurityContext> keys;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 50_000;
  private static final int JWK_SET_SIZE_LIMIT = 64 * 1024;

  private record Verified(Resident resident, Instant expires) {
  }

  LiffIdTokens(TenantRepository tenants, LineEndpoints endpoints,
      LineProperties line) {
    this.tenants = tenants;
    this.endpoints = endpoints;
    this.line = line;
  }

  /** The resident of an {@code Authorization: Bearer <ID token>} header. */
  public Resident fromAuthorizationHeader(String tenantId, String authorization) throws InvalidIdTokenException {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new InvalidIdTokenException("LINE の ID トークンを Authorization: Bearer で送ってください (Bearer ID token required)");
    }
    Resident resident = verify(tenantId, authorization.substring("Bearer ".length()).trim());
    // the access log keeps a pseudonym of the resident of this request
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      AccessLogContext.resident(current.getRequest(), tenantId, resident.userId());
    }
    return resident;
  }

  public Resident verify(String tenantId, String idToken) throws InvalidIdTokenException {
    if (idToken == null || idToken.isBlank()) {
      throw new InvalidIdTokenException("LINE の ID トークンがありません (no ID token)");
    }
    Tenant tenant = tenants.findById(tenantId).filter(t -> t.status() == Tenant.TenantStatus.ACTIVE)
        .orElseThrow(() -> new InvalidIdTokenException("Unknown tenant"));
    if (tenant.loginChannelId() == null || tenant.loginChannelId().isBlank()) {
      throw new InvalidIdTokenException("This tenant has no LINE Login channel");
    }
    String memo = tenantId + ":" + tenant.loginChannelId() + ":" + sha256(idToken);
    Verified known = verified.get(memo);
    if (known != null && known.expires().isAfter(Instant.now())) {
      return known.resident();
    }
    try {
      JWTClaimsSet claims = processor(tenant.loginChannelId()).process(idToken, null);
      Resident resident = new Resident(tenantId, claims.getSubject(), claims.getStringClaim("name"));
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(memo, new Verified(resident, claims.getExpirationTime().toInstant()));
      return resident;
    } catch (ParseException | BadJOSEException | JOSEException e) {
      // a refusal without a text of its own: the signing key is unknown and LINE's keys were fetched a moment ago
      String reason = e.getMessage() == null ? "no signing key of LINE's matches" : e.getMessage();
      throw new InvalidIdTokenException("LINE の ID トークンを確認できませんでした (ID token refused: " + reason + ")");
    }
  }

  private static String sha256(String token) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConfigurableJWTProcessor<SecurityContext> processor(String channelId) {
    return processors.computeIfAbsent(channelId, audience -> {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      // only ES256: an HS256 token "signed" with a public key or a token with alg=none never passes
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys()));
      processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
          new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat")));
      return processor;
    });
  }

  private JWKSource<SecurityContext> keys() {
    if (keys == null) {
      synchronized (this) {
        if (keys == null) {
          try {
            URL certs = new URL(endpoints.api().resolve("oauth2/v2.1/certs").toString());
            // nimbus' own timeouts (500 ms) refuse residents whenever LINE or this host is briefly slow
            var retriever = new DefaultResourceRetriever((int) line.connectTimeout().toMillis(),
                (int) line.readTimeout().toMillis(), JWK_SET_SIZE_LIMIT);
            keys = JWKSourceBuilder.<SecurityContext>create(certs, retriever)
                .retrying(true)
                .rateLimited(line.jwksMinRefreshInterval().toMillis())
                .build();
          } catch (MalformedURLException e) {
            throw new IllegalStateException("LINE API base URL is not a URL", e);
          }
        }
      }
    }
    return keys;
  }

  public static class InvalidIdTokenException extends Exception {
    public InvalidIdTokenException(String message) {
      super(message);
    }
  }
}
