package jp.madoguchi.line;

import java.io.IOException;
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
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import org.springframework.stereotype.Component;

/**
 * Acts on one webhook event. Answers go through the Reply API with the event's reply token; a
 * push is used only when the reply token can no longer be used. Standby events send nothing.
 */
@Component
class LineEventHandlers {

  private static final ObjectMapper EVENTS = ModelObjectMapper.createNewObjectMapper();

  private final LineResidents residents;
  private final LineReplies replies;
  private final LineClients clients;

  LineEventHandlers(LineResidents residents, LineReplies replies, LineClients clients) {
    this.residents = residents;
    this.replies = replies;
    this.clients = clients;
  }

  void handle(String tenantId, String eventJson) throws IOException {
    Event event = EVENTS.readValue(eventJson, Event.class);
    String userId = event.source() instanceof UserSource user ? user.userId() : null;
    if (event instanceof UnfollowEvent) {
      if (userId != null) {
        residents.unfollow(tenantId, userId);
      }
      return;
    }
    if (event.mode() == EventMode.STANDBY) {
      return; // another channel (e.g. a chat operator) answers this conversation
    }
    if (event instanceof FollowEvent follow) {
      if (userId != null) {
        residents.follow(tenantId, userId);
      }
      answer(tenantId, follow.replyToken(), userId, replies.welcome(tenantId));
    } else if (event instanceof MessageEvent message) {
      List<Message> answer = message.message() instanceof TextMessageContent text
          ? replies.forText(tenantId, userId, text.text()) : replies.help();
      answer(tenantId, message.replyToken(), userId, answer);
    } else if (event instanceof PostbackEvent postback) {
      answer(tenantId, postback.replyToken(), userId, replies.forPostback(tenantId, userId, postback.postback().data()));
    }
  }

  private void answer(String tenantId, String replyToken, String userId, List<Message> messages) throws IOException {
    if (replyToken != null) {
      try {
        LineCalls.await(clients.messaging(tenantId).replyMessage(new ReplyMessageRequest(replyToken, messages, false)));
        return;
      } catch (AbstractLineClientException e) {
        if (e.getCode() != 400 || userId == null) {
          throw e; // 400: the reply token expired or was used; anything else is worth another try
        }
      }
    }
    if (userId != null && residents.reachable(tenantId, userId)) {
      UUID retryKey = UUID.nameUUIDFromBytes((tenantId + "|" + replyToken + "|" + userId).getBytes());
      LineCalls.await(clients.messaging(tenantId).pushMessage(retryKey,
          new PushMessageRequest(userId, messages, false, null)));
    }
  }
}
