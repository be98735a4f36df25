package jp.madoguchi.line;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.model.BotInfoResponse;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A tenant's LINE channel credentials: whether LINE takes the channel access token in use, and
 * replacing the token and/or the channel secret after they were reissued in the LINE Developers
 * console. A new token is shown to LINE first (its bot info): one LINE refuses, or
 * one of another Official Account than the current token's, is not stored. The values are sealed
 * with the tenant's data key; this node uses them at once, other nodes within
 * {@link LineChannels#KEPT}, and sending that waited for the channel resumes.
 */
@Service
class LineCredentials {

  private static final Pattern CREDENTIAL = Pattern.compile("[\\x21-\\x7e]{1,2000}");

  record NewCredentials(String channelAccessToken, String channelSecret) {
  }

  /** Why the credentials were not replaced; nothing was stored. */
  static final class Refused extends Exception {
    private final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }

    HttpStatus status() {
      return status;
    }
  }

  private final LineClients clients;
  private final LineChannels channels;
  private final LineAvailability availability;
  private final TenantRepository tenants;
  private final TenantKeys keys;
  private final ApplicationEventPublisher events;

  LineCredentials(LineClients clients, LineChannels channels, LineAvailability availability,
      TenantRepository tenants, TenantKeys keys, ApplicationEventPublisher events) {
    this.clients = clients;
    this.channels = channels;
    this.availability = availability;
    this.tenants = tenants;
    this.keys = keys;
    this.events = events;
  }

  /**
   * How LINE answers the token in use: {@code ACCEPTED} (with its Official Account), {@code REFUSED}
   * or {@code UNREACHABLE}.
   */
  Map<String, Object> status(String tenantId) {
    Map<String, Object> status = new LinkedHashMap<>();
    if (channels.find(tenantId).isEmpty()) {
      status.put("configured", false);
      return status;
    }
    status.put("configured", true);
    try {
      BotInfoResponse bot = LineCalls.await(clients.messaging(tenantId).getBotInfo()).body();
      status.put("lineAnswer", "ACCEPTED");
      status.put("botName", bot.displayName());
      status.put("basicId", bot.basicId());
      status.put("botUserId", bot.userId());
    } catch (IOException e) {
      status.put("lineAnswer", e instanceof AbstractLineClientException line && line.getCode() == 401 ? "REFUSED"
          : "UNREACHABLE");
    }
    return status;
  }

  /** Returns what was replaced and, for a new token, the Official Account it belongs to. */
  Map<String, Object> replace(String tenantId, String adminId, NewCredentials request) throws Refused {
    String token = given(request == null ? null : request.channelAccessToken(), "channelAccessToken");
    String secret = given(request == null ? null : request.channelSecret(), "channelSecret");
    if (token == null && secret == null) {
      throw new Refused(HttpStatus.BAD_REQUEST, "channelAccessToken か channelSecret（または両方）を指定してください "
          + "(give channelAccessToken, channelSecret or both)");
    }
    BotInfoResponse bot = token == null ? null : checkWithLine(tenantId, token);
    byte[] sealedSecret = secret == null ? null : keys.encrypt(tenantId, LineSettings.SECRET_PURPOSE, secret);
    byte[] sealedToken = token == null ? null : keys.encrypt(tenantId, LineSettings.TOKEN_PURPOSE, token);
    if (!tenants.updateLineCredentials(tenantId, sealedSecret, sealedToken)) {
      throw new Refused(HttpStatus.CONFLICT, "この自治体は稼働中ではありません (the municipality is not active)");
    }
    channels.forget(tenantId);
    availability.succeeded(tenantId);
    List<String> changed = Stream.of(token == null ? null : "channelAccessToken",
        secret == null ? null : "channelSecret").filter(Objects::nonNull).toList();
    Map<String, Object> result = new LinkedHashMap<>(Map.of("changed", changed));
    Map<String, String> details = new LinkedHashMap<>(Map.of("changed", String.join(",", changed)));
    if (bot != null) {
      result.put("botUserId", bot.userId());
      result.put("botName", bot.displayName());
      details.put("botUserId", bot.userId());
    }
    events.publishEvent(new OperationEvent(tenantId, adminId, "line-credentials.replaced", tenantId, details));
    return result;
  }

  private static String given(String value, String name) throws Refused {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (!CREDENTIAL.matcher(trimmed).matches()) {
      throw new Refused(HttpStatus.BAD_REQUEST, name + " は LINE Developers コンソールに表示される文字列（空白なし、2,000 文字以内）"
          + "をそのまま貼り付けてください (" + name + " must be the value the console shows: no spaces, at most 2,000 characters)");
    }
    return trimmed;
  }

  private BotInfoResponse checkWithLine(String tenantId, String token) throws Refused {
    BotInfoResponse bot;
    try {
      bot = LineCalls.await(clients.withToken(token).getBotInfo()).body();
    } catch (IOException e) {
      if (e instanceof AbstractLineClientException line && line.getCode() == 401) {
        throw new Refused(HttpStatus.BAD_REQUEST, "LINE がこのチャネルアクセストークンを受け付けませんでした。"
            + "LINE Developers コンソールで発行したものか確かめてください (LINE refused this channel access token)");
      }
      throw new Refused(HttpStatus.BAD_GATEWAY, "LINE に確認できませんでした。しばらくしてからもう一度お試しください "
          + "(the token could not be checked with LINE: " + e.getMessage() + ")");
    }
    Optional<String> current = currentBotUserId(tenantId);
    if (current.isPresent() && !current.get().equals(bot.userId())) {
      throw new Refused(HttpStatus.CONFLICT, "このトークンは別の公式アカウント（" + bot.displayName() + "）のものです。"
          + "この自治体のチャネルで発行したトークンを指定してください (the token belongs to another Official Account)");
    }
    return bot;
  }

  /** The Official Account of the token in use, while LINE still takes it (a revoked one: unknown). */
  private Optional<String> currentBotUserId(String tenantId) {
    if (channels.find(tenantId).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(LineCalls.await(clients.messaging(tenantId).getBotInfo()).body().userId());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
