package jp.madoguchi.line;

/** One event of a webhook request, as LINE sent it. */
record IncomingEvent(String webhookEventId, String type, boolean redelivery, String json) {
}
