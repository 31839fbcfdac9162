package dev.dataapi.core;

/**
 * Text from outside (a database's diagnostic, which may quote a caller's value; a request id an
 * embedder took from a header) made safe for one log line. Line breaks and other control characters
 * are spelled as escapes ({@code \n}, {@code \r}, a backslash and {@code u001b} for ESC), so nothing a
 * caller sends can end the line and start a forged one, recolour a terminal, or reorder what a reader sees.
 */
final class LogText {
    /** Room for any database diagnostic worth reading; past it, one caller could flood the log. */
    static final int LONGEST_LOGGED = 4_000;
    private static final int MOST_CAUSES = 16;

    private LogText() {
    }

    /** {@code value}'s text with every control character escaped, cut after {@value #LONGEST_LOGGED} characters. */
    static String safe(Object value) {
        String text = String.valueOf(value);
        int end = Math.min(text.length(), LONGEST_LOGGED);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (needsEscape(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("… (").append(text.length() - end).append(" more characters)");
        }
        return out.toString();
    }

    /**
     * A stand-in for {@code fault} to hand to the logger: the same stack traces, causes and class
     * names, with every message escaped as by {@link #safe}, since exception messages quote values too.
     */
    static Throwable fault(Throwable fault) {
        return escaped(fault, 0);
    }

    private static Throwable escaped(Throwable fault, int depth) {
        if (fault == null) {
            return null;
        }
        // A cause chain can loop back on itself; a bounded depth keeps this from following it forever.
        Throwable cause = depth < MOST_CAUSES && fault.getCause() != fault ? escaped(fault.getCause(), depth + 1) : null;
        String message = fault.getMessage();
        Escaped copy = new Escaped(fault.getClass().getName() + (message == null ? "" : ": " + safe(message)),
                message == null ? null : safe(message), cause);
        copy.setStackTrace(fault.getStackTrace());
        for (Throwable suppressed : fault.getSuppressed()) {
            copy.addSuppressed(escaped(suppressed, depth + 1));
        }
        return copy;
    }

    private static boolean needsEscape(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        // Line and paragraph separators break lines in some viewers; bidirectional controls reorder them.
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Prints as the original would ({@code java.lang.IllegalStateException: …}), so logs read the same. */
    private static final class Escaped extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String header;

        Escaped(String header, String message, Throwable cause) {
            super(message, cause);
            this.header = header;
        }

        @Override
        public String toString() {
            return header;
        }
    }
}
