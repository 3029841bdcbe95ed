package io.latchkey.notify;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG images, for provisioning links in e-mails and on screen. Stateless and thread-safe. */
public final class QrCode {

    private QrCode() {
    }

    /**
     * A PNG of {@code text} as a QR code of about {@code size} pixels square (whole pixels per module, so it may
     * be a little smaller), with medium error correction and the standard quiet zone.
     */
    public static byte[] png(String text, int size) {
        BitMatrix modules;
        try {
            // Width and height 0: one pixel per module (quiet zone included); scaled below in whole pixels.
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
        int scale = Math.max(1, size / modules.getWidth());
        int width = modules.getWidth() * scale;
        int height = modules.getHeight() * scale;
        // A 1-bit image written through its raster: bit 1 is white, 0 black (the default binary palette).
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width; x++) {
                if (!modules.get(x / scale, y / scale)) {
                    pixels[row + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
