package org.learningcities.toolkits;

import org.learningcities.common.ProblemException;

/** One HTTP byte range (RFC 9110 §14.1.2); several ranges are answered with the whole file. */
final class Ranges {

    private Ranges() {
    }

    /**
     * {first, last} (inclusive) of the range asked for, null to send the whole file (no header,
     * several ranges, or a header that is not a byte range), or 416 when it lies outside the file.
     */
    static long[] parse(String header, long size) {
        if (header == null || !header.trim().toLowerCase().startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.trim().substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    throw unsatisfiable(size);
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(from);
                last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
                if (!to.isEmpty() && Long.parseLong(to) < first) {
                    return null; // syntactically invalid: ignore it
                }
            }
            if (first >= size || size == 0) {
                throw unsatisfiable(size);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException unsatisfiable(long size) {
        return new RangeNotSatisfiable(size);
    }

    /** 416, carrying the file's size for the Content-Range header. */
    static final class RangeNotSatisfiable extends ProblemException {
        final long size;

        RangeNotSatisfiable(long size) {
            super(416, "range-not-satisfiable", "Range not satisfiable", "The file has " + size + " bytes; the range asked for lies outside it.", null);
            this.size = size;
        }
    }
}
