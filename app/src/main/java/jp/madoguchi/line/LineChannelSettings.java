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
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.BotInfoResponse;
import jp.madoguchi.audit.OperationEvent;
import jp.madoguchi.tenant.Tenant;
import jp.madoguchi.tenant.TenantKeys;
import jp.madoguchi.tenant.TenantRepository;
import jp.madoguchi.tenant.TenantRepository.LineChannelUpdate;
import jp.madoguchi.tenant.TenantRepository.LineSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A tenant's LINE channel as its admin sees and changes it: whether LINE takes the channel access
 * token in use, and replacing the token and/or the channel secret after they were reissued in the
 * LINE Developers console, or the LINE Login channel and LIFF app after they were made anew. A new
 * token is shown to LINE first (its bot info): one LINE refuses, or one of another Official Account
 * than the current token's, is not stored. The token and the secret are sealed with the tenant's
 * data key; this node uses the new settings at once, other nodes within {@link LineChannels#KEPT},
 * and sending that waited for the channel resumes.
 */
@Service
class LineChannelSettings {

  private static final Pattern CREDENTIAL = Pattern.compile("[\\x21-\\x7e]{1,2000}");
  private static final Pattern CHANNEL_ID = Pattern.compile("\\d{1,20}");
  private static final Pattern LIFF_ID = Pattern.compile("\\d{1,20}-[A-Za-z0-9]{1,40}");
  private static final Map<String, String> FORMATS = Map.of("channelAccessToken", "no spaces, at most 2,000 characters",
      "channelSecret", "no spaces, at most 2,000 characters", "loginChannelId", "digits such as 1234567890",
      "liffId", "such as 1234567890-AbCdEfGh");

  /** Any of the four; what is left out stays. */
  record Change(String channelAccessToken, String channelSecret, String loginChannelId, String liffId) {
  }

  /** Why nothing was changed. */
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

  LineChannelSettings(LineClients clients, LineChannels channels, LineAvailability availability,
      TenantRepository tenants, TenantKeys keys, ApplicationEventPublisher events) {
    this.clients = clients;
    this.channels = channels;
    this.availability = availability;
    this.tenants = tenants;
    this.keys = keys;
    this.events = events;
  }

  /**
   * The channel's public settings and how LINE answers the token in use: {@code ACCEPTED} (with its
   * Official Account), {@code REFUSED} or {@code UNREACHABLE}. Never the token or the secret.
   */
  Map<String, Object> show(String tenantId) {
    Map<String, Object> shown = new LinkedHashMap<>();
    Optional<LineChannel> channel = channels.find(tenantId);
    shown.put("configured", channel.isPresent());
    shown.put("loginChannelId", tenants.findById(tenantId).map(Tenant::loginChannelId).orElse(null));
    shown.put("liffId", channel.map(LineChannel::liffId).orElse(null));
    if (channel.isEmpty()) {
      return shown;
    }
    try {
      BotInfoResponse bot = botInfo(clients.messaging(tenantId));
      shown.put("lineAnswer", "ACCEPTED");
      shown.put("botName", bot.displayName());
      shown.put("basicId", bot.basicId());
      shown.put("botUserId", bot.userId());
    } catch (IOException e) {
      shown.put("lineAnswer", tokenRefused(e) ? "REFUSED" : "UNREACHABLE");
    }
    return shown;
  }

  /** Returns which settings changed and, for a new token, the Official Account it belongs to. */
  Map<String, Object> change(String tenantId, String adminId, Change request) throws Refused {
    Change given = request == null ? new Change(null, null, null, null) : request;
    String token = given(given.channelAccessToken(), "channelAccessToken", CREDENTIAL);
    String secret = given(given.channelSecret(), "channelSecret", CREDENTIAL);
    String loginChannelId = given(given.loginChannelId(), "loginChannelId", CHANNEL_ID);
    String liffId = given(given.liffId(), "liffId", LIFF_ID);
    List<String> changed = Stream.of(token == null ? null : "channelAccessToken",
        secret == null ? null : "channelSecret", loginChannelId == null ? null : "loginChannelId",
        liffId == null ? null : "liffId").filter(Objects::nonNull).toList();
    if (changed.isEmpty()) {
      throw new Refused(HttpStatus.BAD_REQUEST, "channelAccessToken・channelSecret・loginChannelId・liffId のどれかを"
          + "指定してください (give at least one of channelAccessToken, channelSecret, loginChannelId, liffId)");
    }
    BotInfoResponse bot = token == null ? null : checkWithLine(tenantId, token);
    byte[] sealedSecret = secret == null ? null : keys.encrypt(tenantId, LineSettings.SECRET_PURPOSE, secret);
    byte[] sealedToken = token == null ? null : keys.encrypt(tenantId, LineSettings.TOKEN_PURPOSE, token);
    var update = new LineChannelUpdate(sealedSecret, sealedToken, loginChannelId, liffId);
    if (!tenants.updateLineChannel(tenantId, update)) {
      throw new Refused(HttpStatus.CONFLICT, "この自治体は稼働中ではありません (the municipality is not active)");
    }
    channels.forget(tenantId);
    availability.succeeded(tenantId);
    Map<String, Object> result = new LinkedHashMap<>(Map.of("changed", changed));
    Map<String, String> details = new LinkedHashMap<>(Map.of("changed", String.join(",", changed)));
    if (bot != null) {
      result.put("botUserId", bot.userId());
      result.put("botName", bot.displayName());
      details.put("botUserId", bot.userId());
    }
    if (loginChannelId != null) {
      details.put("loginChannelId", loginChannelId);
    }
    if (liffId != null) {
      details.put("liffId", liffId);
    }
    events.publishEvent(new OperationEvent(tenantId, adminId, "line-channel.changed", tenantId, details));
    return result;
  }

  private static String given(String value, String name, Pattern format) throws Refused {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (!format.matcher(trimmed).matches()) {
      throw new Refused(HttpStatus.BAD_REQUEST, name + " は LINE Developers コンソールに表示される値（空白なし）を"
          + "そのまま貼り付けてください (" + name + " must be the value the console shows: " + FORMATS.get(name) + ")");
    }
    return trimmed;
  }

  private BotInfoResponse checkWithLine(String tenantId, String token) throws Refused {
    BotInfoResponse bot;
    try {
      bot = botInfo(clients.withToken(token));
    } catch (IOException e) {
      if (tokenRefused(e)) {
        throw new Refused(HttpStatus.BAD_REQUEST, "LINE がこのチャネルアクセストークンを受け付けませんでした。"
            + "LINE Developers コンソールで発行したものか確かめてください (LINE refused this channel access token)");
      }
      LineCalls.Failure failure = LineCalls.reported("bot info", tenantId, e);
      throw new Refused(HttpStatus.BAD_GATEWAY, "LINE に確認できませんでした（" + failure.japanese()
          + "）。しばらくしてからもう一度お試しください (the token could not be checked with LINE: " + failure.english()
          + ")");
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
      return Optional.ofNullable(botInfo(clients.messaging(tenantId)).userId());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static BotInfoResponse botInfo(MessagingApiClient client) throws IOException {
    return LineCalls.await(client.getBotInfo()).body();
  }

  private static boolean tokenRefused(IOException failure) {
    return failure instanceof AbstractLineClientException line
        && LineErrorAnswer.of(line) == LineErrorAnswer.TOKEN_REFUSED;
  }
}
