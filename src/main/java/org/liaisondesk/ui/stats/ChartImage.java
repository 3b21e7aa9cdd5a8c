package org.liaisondesk.ui.stats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.liaisondesk.service.AtomicFile;

/**
 * The pixels of a chart's snapshot, copied on the FX thread, written as PNG anywhere (without javafx-swing: the ARGB
 * pixels go straight into a {@link BufferedImage} for {@link ImageIO}).
 */
final class ChartImage {

    private final int width;
    private final int height;
    private final int[] argb;

    private ChartImage(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** Copies the image's pixels; call on the FX thread. */
    static ChartImage of(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return new ChartImage(w, h, pixels);
    }

    /** Writes the PNG, complete or not at all. */
    void writePng(Path file) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
            return file;
        });
    }
}
