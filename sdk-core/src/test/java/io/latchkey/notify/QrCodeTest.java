package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void producesASquarePngOfAboutTheRequestedSizeInWholePixelsPerModule() throws Exception {
        byte[] png = QrCode.png("https://latchkey.example/p?token=abc", 300);

        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(image.getWidth(), image.getHeight());
        // Version 3 (29 modules) plus two quiet zones of 4: 37 modules, 8 pixels each.
        assertEquals(296, image.getWidth());
    }

    @Test
    void decodesBackToTheLink() throws Exception {
        String link = "https://latchkey.example/p?token=djF8Y3JlZGVudGlhbHw0MnwxNzk4NzYxNjAw.c2lnbmF0dXJlLWJ5dGVz";
        assertEquals(link, decode(QrCode.png(link, 300)));
    }

    @Test
    void decodesBackToNonAsciiText() throws Exception {
        // The writer declares UTF-8, so Cyrillic and Polish survive the round trip.
        String text = "Пропуск №17 — Łódź";
        assertEquals(text, decode(QrCode.png(text, 300)));
    }

    @Test
    void refusesTextTooLongForAQrCode() {
        assertThrows(IllegalArgumentException.class, () -> QrCode.png("x".repeat(5_000), 300));
    }

    /** Reads the PNG with ImageIO and decodes it with ZXing core (the javase helpers are not on the classpath). */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
