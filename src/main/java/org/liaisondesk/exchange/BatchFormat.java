package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The constants of the batch file format (docs/batch-format.md) and the limits a file must keep to be read. */
public final class BatchFormat {

    public static final String FORMAT = "liaison-desk-batch";
    public static final int VERSION = 1;
    /** Batch files end in this; a folder import picks up only these. */
    public static final String SUFFIX = ".ldbatch.json";
    /** An encrypted, signed batch (docs/batch-encryption.md); a folder import picks these up too. */
    public static final String ENCRYPTED_SUFFIX = ".ldbatch.enc";
    /** A batch being written has this added to its name until it is complete and forced to the medium. */
    public static final String PART_SUFFIX = ".part";
    public static final String SCHEMA_RESOURCE = "batch-schema.json";

    /** The longest opinion text the program accepts (InputRules.MAX_TEXT); the schema says the same. */
    public static final int MAX_TEXT = 20_000;
    /** Far above a real batch (a million opinions are about 1.5 GB); a bigger file is refused unread. */
    public static final long MAX_FILE_BYTES = 4L << 30;
    /** Our own layout nests five deep; anything much deeper is not a batch. */
    static final int MAX_NESTING = 16;
    /** Any one string: a little above the longest text, so a 10 MB string fails as soon as it is seen. */
    static final int MAX_STRING_CHARS = 4 * MAX_TEXT;
    static final int MAX_NAME_CHARS = 200;

    /** A station's batches are numbered 1 … this (a batch a week for far longer than any station exists). */
    public static final int MAX_SEQUENCE = 1_000_000;
    /** An opinion's revision grows by one per change; far below what an int holds, so it never wraps. */
    public static final int MAX_REVISION = 1_000_000_000;
    /** Opinions in one batch: more than a 4 GiB file can hold (an opinion takes well over 200 bytes). */
    public static final long MAX_COUNT = 20_000_000;
    /** The smallest an opinion can be in a file; a header claiming more opinions than fit in the file is refused. */
    static final long MIN_OPINION_BYTES = 200;

    /**
     * Whether {@code ch} may not appear in any text of a batch: control characters other than line feed and tab,
     * and the invisible direction embeddings, overrides and isolates that can disguise text (U+202A–U+202E,
     * U+2066–U+2069): what the program's own input rules (InputRules) refuse. The plain marks U+200E and U+200F,
     * which the input rules let through from pasted text, are allowed. The schema's text pattern says the same.
     */
    static boolean forbiddenCharacter(char ch) {
        return (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7F && ch <= 0x9F)
                || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069');
    }

    /** White space, controls and invisible marks: what a text may not consist of alone. */
    private static boolean blank(char ch) {
        return ch <= 0x20 || (ch >= 0x7F && ch <= 0xA0) || ch == '\u1680' || (ch >= '\u2000' && ch <= '\u200A')
                || ch == '\u200E' || ch == '\u200F' || ch == '\u2028' || ch == '\u2029'
                || (ch >= '\u202A' && ch <= '\u202F') || ch == '\u205F' || (ch >= '\u2066' && ch <= '\u2069')
                || ch == '\u3000' || ch == '\uFEFF';
    }

    /** An opinion's text as the schema's pattern has it: no forbidden character, and not white space alone. */
    static boolean acceptableText(String text) {
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (forbiddenCharacter(ch)) {
                return false;
            }
            content |= !blank(ch);
        }
        return content;
    }

    /** The first forbidden character in {@code text}, or -1. */
    static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbiddenCharacter(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private BatchFormat() {
    }

    /**
     * {@code GS-007-000003-20231105.ldbatch.json} (or {@code .ldbatch.enc} when encrypted): station code, sequence
     * and the day it was written.
     */
    public static String fileName(String station, int sequence, LocalDate day, boolean encrypted) {
        return String.format("%s-%06d-%s%s", station, sequence, day.format(DateTimeFormatter.BASIC_ISO_DATE),
                encrypted ? ENCRYPTED_SUFFIX : SUFFIX);
    }

    /** Whether a file's name marks it as a batch, plain or encrypted (case-insensitive). */
    public static boolean isBatchName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(SUFFIX) || lower.endsWith(ENCRYPTED_SUFFIX);
    }

    /** A parser factory with the shared mapper's settings and the limits above, for reading untrusted files. */
    static JsonFactory readerFactory(ObjectMapper json) {
        return json.getFactory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxNumberLength(40)
                        .maxDocumentLength(MAX_FILE_BYTES)
                        .build())
                // "text" twice in one object: the checksum is taken after parsing, so only the parser can see it
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }
}
