package jp.madoguchi.encryption;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;

/**
 * What one of Camunda's own serializers writes for a value (text, text2, long, double, bytes), kept
 * in memory and packed into one byte string, which is then encrypted as a whole.
 */
final class CapturedFields implements ValueFields {

  private static final int VERSION = 1;

  private final String name;
  private String text;
  private String text2;
  private Long longValue;
  private Double doubleValue;
  private byte[] bytes;

  CapturedFields(String name) {
    this.name = name;
  }

  byte[] pack() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + (bytes == null ? 0 : bytes.length));
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.writeByte(VERSION);
      writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
      writeBytes(out, text2 == null ? null : text2.getBytes(StandardCharsets.UTF_8));
      out.writeBoolean(longValue != null);
      out.writeLong(longValue == null ? 0 : longValue);
      out.writeBoolean(doubleValue != null);
      out.writeDouble(doubleValue == null ? 0 : doubleValue);
      writeBytes(out, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  static CapturedFields unpack(String name, byte[] packed) {
    CapturedFields fields = new CapturedFields(name);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalStateException("Unknown sealed variable layout " + version);
      }
      fields.text = text(readBytes(in));
      fields.text2 = text(readBytes(in));
      boolean hasLong = in.readBoolean();
      long longValue = in.readLong();
      fields.longValue = hasLong ? longValue : null;
      boolean hasDouble = in.readBoolean();
      double doubleValue = in.readDouble();
      fields.doubleValue = hasDouble ? doubleValue : null;
      fields.bytes = readBytes(in);
    } catch (IOException e) {
      throw new IllegalStateException("Sealed variable '" + name + "' is damaged", e);
    }
    return fields;
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value == null ? -1 : value.length);
    if (value != null) {
      out.write(value);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] value = new byte[length];
    in.readFully(value);
    return value;
  }

  private static String text(byte[] utf8) {
    return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getTextValue() {
    return text;
  }

  @Override
  public void setTextValue(String textValue) {
    this.text = textValue;
  }

  @Override
  public String getTextValue2() {
    return text2;
  }

  @Override
  public void setTextValue2(String textValue2) {
    this.text2 = textValue2;
  }

  @Override
  public Long getLongValue() {
    return longValue;
  }

  @Override
  public void setLongValue(Long longValue) {
    this.longValue = longValue;
  }

  @Override
  public Double getDoubleValue() {
    return doubleValue;
  }

  @Override
  public void setDoubleValue(Double doubleValue) {
    this.doubleValue = doubleValue;
  }

  @Override
  public byte[] getByteArrayValue() {
    return bytes;
  }

  @Override
  public void setByteArrayValue(byte[] bytes) {
    this.bytes = bytes;
  }
}
