package jp.madoguchi.line.simulator;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
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
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * LINE Login as the demo needs it: ID tokens for the demo residents, signed ES256 with a key made
 * at start and published at LINE's JWKS path, so the app verifies them exactly as LINE's own.
 */
@SimulatorEnabled
@RestController
class SimulatedLineLogin {

  private final TenantRepository tenants;
  private final ECKey key;

  SimulatedLineLogin(TenantRepository tenants) throws JOSEException {
    this.tenants = tenants;
    this.key = new ECKeyGenerator(Curve.P_256).keyID("simulator-" + UUID.randomUUID()).generate();
  }

  @GetMapping(path = "/oauth2/v2.1/certs", produces = MediaType.APPLICATION_JSON_VALUE)
  String certs() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  record TokenRequest(String userId) {
  }

  @PostMapping("/line-simulator/api/{tenant}/id-token")
  ResponseEntity<Map<String, Object>> idToken(@PathVariable String tenant, @RequestBody TokenRequest request)
      throws JOSEException {
    var resident = SimulatedChats.RESIDENTS.stream().filter(r -> r.userId().equals(request.userId())).findFirst();
    var channel = tenants.findById(tenant).map(Tenant::loginChannelId);
    if (resident.isEmpty() || channel.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Unknown demo resident or tenant"));
    }
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer("https://access.line.me")
        .subject(resident.get().userId())
        .audience(channel.get())
        .issueTime(new Date())
        .expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
        .claim("name", resident.get().name())
        .claim("amr", java.util.List.of("linesso"))
        .build();
    SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    token.sign(new ECDSASigner(key));
    return ResponseEntity.ok(Map.of("idToken", token.serialize()));
  }
}
