package jp.madoguchi.line;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexCarousel;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.messaging.model.URIAction;

/** Builds the Messaging API message objects Madoguchi sends: a text, or a card with buttons. */
public final class LineMessages {

  public static final int MAX_CAROUSEL_CARDS = 12;
  private static final String GREEN = "#06C755";

  private LineMessages() {
  }

  public static Message text(String text) {
    return new TextMessage(text);
  }

  /** A card: optional title, body text and up to four buttons; altText is what notifications show. */
  public static Message card(String altText, String title, String body, List<Action> buttons) {
    return new FlexMessage.Builder(truncate(altText, 400), bubble(title, body, buttons)).build();
  }

  /** Cards side by side (LINE shows at most 12); altText is what notifications show. */
  public static Message carousel(String altText, List<FlexBubble> cards) {
    if (cards.isEmpty() || cards.size() > MAX_CAROUSEL_CARDS) {
      throw new IllegalArgumentException("A carousel has 1 to " + MAX_CAROUSEL_CARDS + " cards, not " + cards.size());
    }
    return new FlexMessage.Builder(truncate(altText, 400), new FlexCarousel(cards)).build();
  }

  /** One card of a carousel or message: optional title, body text and up to four buttons. */
  public static FlexBubble bubble(String title, String body, List<Action> buttons) {
    List<FlexComponent> contents = new ArrayList<>();
    if (title != null) {
      contents.add(new FlexText.Builder().text(title).weight(FlexText.Weight.BOLD).size("lg").wrap(true).build());
    }
    if (body != null && !body.isBlank()) {
      contents.add(new FlexText.Builder().text(body).wrap(true).size("sm").margin("md").build());
    }
    FlexBubble.Builder bubble = new FlexBubble.Builder()
        .body(new FlexBox.Builder(FlexBox.Layout.VERTICAL, contents).build());
    if (!buttons.isEmpty()) {
      List<FlexComponent> footer = new ArrayList<>();
      for (int i = 0; i < buttons.size(); i++) {
        footer.add(new FlexButton.Builder(buttons.get(i))
            .style(i == 0 ? FlexButton.Style.PRIMARY : FlexButton.Style.SECONDARY)
            .color(i == 0 ? GREEN : null).height(FlexButton.Height.SM).margin("sm").build());
      }
      bubble.footer(new FlexBox.Builder(FlexBox.Layout.VERTICAL, footer).spacing("sm").build());
    }
    return bubble.build();
  }

  public static Action link(String label, URI uri) {
    return new URIAction(truncate(label, 20), uri, null);
  }

  public static Action postback(String label, String data) {
    return new PostbackAction(truncate(label, 20), data, label, null, null, null);
  }

  /** At most {@code max} UTF-16 units, never half a surrogate pair (an emoji), which LINE refuses. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "…";
  }
}
