package jp.madoguchi.attachment;

import java.util.UUID;

/** A resident's file as shown in lists; the content is fetched separately. */
public record Attachment(UUID id, String fileName, String contentType, int size) {
}
