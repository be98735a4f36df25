package jp.madoguchi.export;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import jp.madoguchi.tenant.TenantKeys;

/**
 * An export's ZIP as it lies on disk: chunks of at most {@value #CHUNK} bytes, each sealed with the
 * tenant's data key (AES-GCM) with the export id and the chunk's index as its purpose, so chunks can
 * be neither reordered nor moved into another export; the last chunk says it is the last, so a cut
 * file does not pass as whole. The clear ZIP never touches the disk, and destroying the tenant's key
 * makes a left-over export unreadable too.
 */
final class SealedFile {

  static final int CHUNK = 1 << 20;
  private static final byte MORE = 0;
  private static final byte LAST = 1;

  private SealedFile() {
  }

  private static String purpose(String exportId, long index) {
    return "tenant_export:" + exportId + ":" + index;
  }

  /** Seals what is written into {@code target}; {@link OutputStream#close()} writes the last chunk. */
  static OutputStream writer(TenantKeys keys, String tenantId, String exportId, OutputStream target) {
    DataOutputStream out = new DataOutputStream(target);
    return new OutputStream() {
      private final byte[] buffer = new byte[CHUNK];
      private int filled;
      private long index;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
          if (filled == CHUNK) {
            seal(MORE);
          }
          int n = Math.min(length, CHUNK - filled);
          System.arraycopy(bytes, offset, buffer, filled, n);
          filled += n;
          offset += n;
          length -= n;
        }
      }

      private void seal(byte flag) throws IOException {
        byte[] plain = new byte[filled + 1];
        plain[0] = flag;
        System.arraycopy(buffer, 0, plain, 1, filled);
        byte[] sealed = keys.encryptBytes(tenantId, purpose(exportId, index++), plain);
        out.writeInt(sealed.length);
        out.write(sealed);
        filled = 0;
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          seal(LAST);
          out.close();
        }
      }
    };
  }

  /** Opens the chunks one after the other; fails when a chunk was changed or the file was cut short. */
  static InputStream reader(TenantKeys keys, String tenantId, String exportId, InputStream source) {
    DataInputStream in = new DataInputStream(source);
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int position;
      private long index;
      private boolean last;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        while (position == chunk.length) {
          if (last) {
            return -1;
          }
          next();
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, bytes, offset, n);
        position += n;
        return n;
      }

      private void next() throws IOException {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException e) {
          throw new IOException("The export file ends before its last chunk", e);
        }
        if (length <= 0 || length > CHUNK + 64) {
          throw new IOException("The export file is damaged");
        }
        byte[] plain = keys.decryptBytes(tenantId, purpose(exportId, index++), in.readNBytes(length));
        last = plain[0] == LAST;
        chunk = Arrays.copyOfRange(plain, 1, plain.length);
        position = 0;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
