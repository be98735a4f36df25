package jp.madoguchi.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.JoinEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Acts on one webhook event. Answers go through the Reply API with the event's reply token; a
 * push is used only when the reply token can no longer be used and no earlier try of the event
 * can have answered already (a resident is never answered twice). Standby events send nothing, and
 * neither does a group or room chat, but for one note when the account is invited to it.
 */
@Component
class LineEventHandlers {

  private static final Logger log = LoggerFactory.getLogger(LineEventHandlers.class);
  private static final ObjectMapper EVENTS = ModelObjectMapper.createNewObjectMapper();

  private final LineResidents residents;
  private final LineReplies replies;
  private final LineClients clients;

  LineEventHandlers(LineResidents residents, LineReplies replies, LineClients clients) {
    this.residents = residents;
    this.replies = replies;
    this.clients = clients;
  }

  /**
   * @param pushAllowed no earlier try of this event can have answered the resident: only then may
   *     a refused reply token fall back to a push (after a crash or a timeout the reply may have gone out)
   * @throws AnswerFailedException whatever went wrong, with what a retry needs to know
   */
  void handle(String tenantId, String eventJson, boolean pushAllowed) throws AnswerFailedException {
    Answer answer;
    try {
      answer = answerTo(tenantId, EVENTS.readValue(eventJson, Event.class));
    } catch (IOException | RuntimeException e) {
      throw AnswerFailedException.beforeSending(e);
    }
    if (answer != null) {
      send(tenantId, answer, pushAllowed);
    }
  }

  private record Answer(String replyToken, String userId, List<Message> messages) {
  }

  /** Records follows and unfollows; returns what to say, or null when nothing is said. */
  private Answer answerTo(String tenantId, Event event) {
    boolean standby = event.mode() == EventMode.STANDBY; // another channel (e.g. a chat operator) answers
    if (!(event.source() instanceof UserSource user)) {
      // a group or room: applications are personal, so only an invitation is answered, once
      return event instanceof JoinEvent join && !standby
          ? new Answer(join.replyToken(), null, replies.groupChat()) : null;
    }
    String userId = user.userId();
    if (event instanceof UnfollowEvent) {
      residents.unfollow(tenantId, userId);
      return null;
    }
    if (event instanceof FollowEvent) {
      residents.follow(tenantId, userId); // in standby too: whether a resident can be reached is not the answerer's
    }
    if (standby) {
      return null;
    }
    if (event instanceof FollowEvent follow) {
      return new Answer(follow.replyToken(), userId, replies.welcome(tenantId));
    } else if (event instanceof MessageEvent message) {
      List<Message> answer = message.message() instanceof TextMessageContent text
          ? replies.forText(tenantId, userId, text.text()) : replies.help();
      return new Answer(message.replyToken(), userId, answer);
    } else if (event instanceof PostbackEvent postback) {
      return new Answer(postback.replyToken(), userId, replies.forPostback(tenantId, userId, postback.postback().data()));
    }
    return null;
  }

  private void send(String tenantId, Answer answer, boolean pushAllowed) throws AnswerFailedException {
    if (answer.replyToken() != null) {
      try {
        LineCalls.await(clients.messaging(tenantId).replyMessage(
            new ReplyMessageRequest(answer.replyToken(), answer.messages(), false)));
        return;
      } catch (IOException e) {
        // 400: the reply token expired or was used. Anything else the dispatcher tries again or gives up.
        if (!(e instanceof AbstractLineClientException line && line.getCode() == 400) || answer.userId() == null) {
          throw AnswerFailedException.calling(e, false);
        }
        if (!pushAllowed) {
          log.info("Reply token of tenant {} refused on a repeated try; the earlier try may have answered, "
              + "so no push", tenantId);
          return;
        }
      }
    }
    if (answer.userId() != null && reachable(tenantId, answer.userId())) {
      UUID retryKey = UUID.nameUUIDFromBytes((tenantId + "|" + answer.replyToken() + "|" + answer.userId())
          .getBytes(StandardCharsets.UTF_8));
      try {
        LineCalls.await(clients.messaging(tenantId).pushMessage(retryKey,
            new PushMessageRequest(answer.userId(), answer.messages(), false, null)));
      } catch (IOException e) {
        if (!(e instanceof AbstractLineClientException line && line.getCode() == 409)) {
          throw AnswerFailedException.calling(e, true); // 409: an earlier try's push was accepted
        }
      }
    }
  }

  private boolean reachable(String tenantId, String userId) throws AnswerFailedException {
    try {
      return residents.reachable(tenantId, userId);
    } catch (RuntimeException e) {
      throw AnswerFailedException.beforeSending(e); // the reply was refused: nothing went out yet
    }
  }
}
