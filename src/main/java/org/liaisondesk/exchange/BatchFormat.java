package org.liaisondesk.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The constants of the batch file format (docs/batch-format.md) and the limits a file must keep to be read. */
public final class BatchFormat {

    public static final String FORMAT = "liaison-desk-batch";
    public static final int VERSION = 1;
    /** Batch files end in this; a folder import picks up only these. */
    public static final String SUFFIX = ".ldbatch.json";
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

    private BatchFormat() {
    }

    /** {@code GS-007-000003-20231105.ldbatch.json}: station code, sequence and the day it was written. */
    public static String fileName(String station, int sequence, LocalDate day) {
        return String.format("%s-%06d-%s%s", station, sequence, day.format(DateTimeFormatter.BASIC_ISO_DATE), SUFFIX);
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
                .build();
    }
}
