package org.liaisondesk.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.liaisondesk.i18n.UserFacingException;

/**
 * Writes a file a person chose (an Excel export, a chart image) so that it is either complete or untouched: the
 * content goes to a temporary file beside it, moved over it once written. Problems are clear messages.
 */
public final class AtomicFile {

    /** Writes the content into the stream it is given. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target}; returns what {@code content} returned. Any exception (a cancellation too) leaves no
     * temporary file and the target as it was.
     */
    public static <T> T write(Path target, Content<T> content) {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserFacingException("stats.error.noFolder", folder);
        }
        if (Files.isDirectory(file)) {
            throw new UserFacingException("stats.error.isFolder", file);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".liaison-desk-", ".part");
            T result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = content.writeTo(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException | UncheckedIOException e) {
            // The temporary file is ours, not the person's: the message names the file they asked for.
            String why = String.valueOf(e.getMessage());
            throw new UserFacingException("stats.error.write", e, file,
                    temp == null ? why : why.replace(temp.toString(), file.toString()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover .part file beside the target is harmless
                }
            }
        }
    }
}
