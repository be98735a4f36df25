package jp.madoguchi.callback;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The simulated providers (payment, identity) deliver their callbacks the way a real provider
 * does: signed, over HTTP, to this app's callback endpoint (on the loopback address).
 */
@Component
public class SimulatorCallbacks {

  /** Where the simulated providers put the Base64 HMAC-SHA256 of the body. */
  public static final String SIGNATURE_HEADER = "X-Madoguchi-Signature";

  private final SignedCallbacks signed;
  private final RestClient http = RestClient.create();

  SimulatorCallbacks(SignedCallbacks signed) {
    this.signed = signed;
  }

  /** Posts the signed JSON body to {@code path} of this app and answers the callback's HTTP status. */
  public HttpStatusCode send(String tenantId, String channel, int localPort, String path, byte[] body) {
    return http.post().uri("http://127.0.0.1:" + localPort + path)
        .contentType(MediaType.APPLICATION_JSON)
        .header(SIGNATURE_HEADER, signed.sign(tenantId, channel, body))
        .body(body)
        .exchange((request, response) -> response.getStatusCode());
  }
}
