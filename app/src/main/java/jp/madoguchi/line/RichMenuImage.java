package jp.madoguchi.line;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws the rich menu (2500 × 843, LINE's "compact" full width) with the bundled Noto Sans JP,
 * so the labels are Japanese whatever fonts the server has.
 */
final class RichMenuImage {

  static final int WIDTH = 2500;
  static final int HEIGHT = 843;
  private static final Color GREEN = new Color(0x06, 0xC7, 0x55);

  private RichMenuImage() {
  }

  record Area(String label, String caption) {
  }

  static byte[] render(String tenantName, List<Area> areas) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Font bold = font("fonts/NotoSansJP_700Bold.ttf");
      Font regular = font("fonts/NotoSansJP_400Regular.ttf");
      int width = WIDTH / areas.size();
      for (int i = 0; i < areas.size(); i++) {
        int x = i * width;
        g.setColor(i == 0 ? GREEN : new Color(0xF2, 0xF4, 0xF5));
        g.fillRoundRect(x + 30, 30, width - 60, HEIGHT - 60, 60, 60);
        g.setColor(i == 0 ? Color.WHITE : new Color(0x1D, 0x2A, 0x33));
        centered(g, fitted(g, bold, 150f, areas.get(i).label(), width - 140), areas.get(i).label(), x, width, 430);
        centered(g, fitted(g, regular, 64f, areas.get(i).caption(), width - 140), areas.get(i).caption(), x, width, 590);
      }
      g.setColor(new Color(0x5B, 0x67, 0x70));
      g.setStroke(new BasicStroke(2));
      centered(g, regular.deriveFont(44f), tenantName, 0, WIDTH, HEIGHT - 60);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /** The largest size up to {@code size} at which the text fits the area. */
  private static Font fitted(Graphics2D g, Font font, float size, String text, int maxWidth) {
    Font candidate = font.deriveFont(size);
    while (g.getFontMetrics(candidate).stringWidth(text) > maxWidth && size > 20f) {
      size -= 4f;
      candidate = font.deriveFont(size);
    }
    return candidate;
  }

  private static void centered(Graphics2D g, Font font, String text, int x, int width, int baseline) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(text, x + (width - metrics.stringWidth(text)) / 2, baseline);
  }

  private static Font font(String resource) throws IOException {
    try (InputStream in = RichMenuImage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing: the build puts the Noto Sans JP fonts on the classpath");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (FontFormatException e) {
      throw new IOException(resource + " is not a TrueType font", e);
    }
  }
}
