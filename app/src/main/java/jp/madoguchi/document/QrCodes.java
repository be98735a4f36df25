package jp.madoguchi.document;

import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** QR codes drawn as vector squares: sharp at any zoom and print size, no image in the PDF. */
final class QrCodes {

  private QrCodes() {
  }

  static void draw(PDPageContentStream stream, String text, float x, float y, float size) throws IOException {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode the verification URL as a QR code", e);
    }
    float module = size / matrix.getWidth();
    stream.setNonStrokingColor(0f);
    for (int row = 0; row < matrix.getHeight(); row++) {
      for (int column = 0; column < matrix.getWidth(); column++) {
        if (matrix.get(column, row)) {
          stream.addRect(x + column * module, y + size - (row + 1) * module, module + 0.05f, module + 0.05f);
        }
      }
    }
    stream.fill();
  }
}
