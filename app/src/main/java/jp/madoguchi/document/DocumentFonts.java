package jp.madoguchi.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Noto Sans JP (regular and bold) from the classpath, read once. A parsed font keeps a read
 * position, so it serves one document at a time: parsed fonts are pooled, at most one pair per
 * core, and reused by every later document (each embeds only the subset of glyphs it uses).
 */
@Component
class DocumentFonts {

  record Pair(TrueTypeFont regular, TrueTypeFont bold) {
  }

  private final byte[] regular;
  private final byte[] bold;
  private final BlockingQueue<Pair> idle = new LinkedBlockingQueue<>();
  private final AtomicInteger created = new AtomicInteger();
  private final int max = Math.max(2, Runtime.getRuntime().availableProcessors());

  DocumentFonts() throws IOException {
    this.regular = read("fonts/NotoSansJP_400Regular.ttf");
    this.bold = read("fonts/NotoSansJP_700Bold.ttf");
  }

  Pair borrow() throws InterruptedException {
    Pair pair = idle.poll();
    if (pair != null) {
      return pair;
    }
    if (created.incrementAndGet() <= max) {
      return new Pair(parse(regular), parse(bold));
    }
    created.decrementAndGet();
    return idle.take();
  }

  void giveBack(Pair pair) {
    idle.add(pair);
  }

  private static TrueTypeFont parse(byte[] font) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(font));
    } catch (IOException e) {
      throw new UncheckedIOException("Noto Sans JP cannot be read", e);
    }
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return in.readAllBytes();
    }
  }
}
