package jp.madoguchi.payment;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulated provider's callback body and its mapping to a {@link PaymentProvider.CallbackEvent}. */
record SimulatedCallbackMessage(String eventId, String paymentRef, String outcome) {

  static SimulatedCallbackMessage read(ObjectMapper json, byte[] body) {
    SimulatedCallbackMessage message;
    try {
      message = json.readValue(body, SimulatedCallbackMessage.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("The simulated provider's callback is not the expected JSON", e);
    }
    if (message.eventId() == null || message.paymentRef() == null || message.outcome() == null) {
      throw new IllegalArgumentException("The simulated provider's callback lacks eventId, paymentRef or outcome");
    }
    return message;
  }

  PaymentProvider.CallbackEvent toEvent() {
    return new PaymentProvider.CallbackEvent(eventId, paymentRef, PaymentProvider.Outcome.valueOf(outcome));
  }

  byte[] write(ObjectMapper json) {
    try {
      return json.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
