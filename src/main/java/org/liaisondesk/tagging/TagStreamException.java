package org.liaisondesk.tagging;

/**
 * A line of {@code tag} input that is not {@code {"id": ..., "text": "..."}}. The message names the line so
 * the command line can print it and exit with code 2; lines before it have already been written.
 */
public final class TagStreamException extends RuntimeException {

    private final long lineNumber;

    public TagStreamException(long lineNumber, String problem, Throwable cause) {
        super("line " + lineNumber + ": " + problem, cause);
        this.lineNumber = lineNumber;
    }

    /** 1-based. */
    public long lineNumber() {
        return lineNumber;
    }
}
