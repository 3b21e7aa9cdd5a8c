package org.liaisondesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Is the disk holding a file (nearly) full? Tells "the disk is full" from other input/output errors. */
final class DiskSpace {

    /** Below this much free space a failed write is put down to the full disk (SQLite grows files in pages). */
    static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskSpace() {
    }

    static boolean isFull(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            return folder != null && Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }
}
