package jp.madoguchi;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Issues ID tokens shaped like LINE's (ES256, iss https://access.line.me, aud = LINE Login channel id). */
public final class LineIdTokens {

  public static final String DEMO_CHANNEL = "1234567890";
  public static final String KITA_CHANNEL = "2234567890";

  /** The keys "LINE" publishes in tests: one for every test class, as the app caches LINE's key set. */
  public static final LineIdTokens LINE = new LineIdTokens();

  private final ECKey key;

  public LineIdTokens() {
    this(UUID.randomUUID().toString());
  }

  /** A key under a given key id: with a published id but another key, a forger's token. */
  public LineIdTokens(String keyId) {
    try {
      key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public ECKey key() {
    return key;
  }

  /** Publishes the issuers' keys at LINE's key-set endpoint of a LINE stand-in. */
  public static void publish(WireMockServer line, LineIdTokens... issuers) {
    line.stubFor(WireMock.get("/oauth2/v2.1/certs").willReturn(WireMock.okJson(jwks(issuers))));
  }

  /** A LINE user id no other test uses. */
  public static String newUserId() {
    return "U" + UUID.randomUUID().toString().replace("-", "");
  }

  public static String jwks(LineIdTokens... issuers) {
    return new JWKSet(List.of(issuers).stream().map(issuer -> (com.nimbusds.jose.jwk.JWK) issuer.key.toPublicJWK())
        .toList()).toString();
  }

  public String token(String audience, String userId) {
    return token(claims(audience, userId, new Date(System.currentTimeMillis() + 3_600_000)).build());
  }

  public static JWTClaimsSet.Builder claims(String audience, String userId, Date expires) {
    return new JWTClaimsSet.Builder().issuer("https://access.line.me").subject(userId).audience(audience)
        .issueTime(new Date()).expirationTime(expires).claim("name", "テスト 住民");
  }

  public String token(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
