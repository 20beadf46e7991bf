package org.learningcities.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small RFC 4180 reader for uploads: quoted fields, doubled quotes, CRLF or LF, a leading BOM.
 * Each record remembers the line it starts on so import reports can point at it.
 */
public final class Csv {

    /** A data record: its values by lower-cased header name, and the file line it starts on. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private Csv() {
    }

    /**
     * The text of an upload: decoded with the charset its Content-Type names (curl users send
     * Excel's Windows-1252 files too), UTF-8 when it names none.
     */
    public static String decode(byte[] body, jakarta.ws.rs.core.MediaType type) {
        String charset = type == null ? null : type.getParameters().get("charset");
        java.nio.charset.Charset decoding = java.nio.charset.StandardCharsets.UTF_8;
        if (charset != null) {
            try {
                decoding = java.nio.charset.Charset.forName(charset.trim());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                        "The charset " + charset + " is not known; send UTF-8.", null);
            }
        }
        if (body == null) {
            return "";
        }
        try {
            // Strict: bytes that are not text in that charset are refused, not turned into '?' and stored.
            return decoding.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ProblemException.badRequest("The body is not valid " + decoding.name() + " text; save the file as UTF-8.",
                    new Problem.FieldError("body", "not valid " + decoding.name()));
        }
    }

    /** Reads a file whose first record is the header; refuses files missing a required column. */
    public static List<Row> read(String text, List<String> requiredColumns) {
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw ProblemException.badRequest("The CSV file is empty; its first line must be the header.",
                    new Problem.FieldError("body", "empty CSV"));
        }
        List<String> header = records.get(0).fields.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("The CSV header lacks the column(s) " + String.join(", ", missing) + ".",
                    missing.stream().map(c -> new Problem.FieldError(c, "missing column", 1)).toArray(Problem.FieldError[]::new));
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields.size() == 1 && record.fields.get(0).isBlank()) {
                continue; // blank line
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.fields.size(); i++) {
                values.put(header.get(i), record.fields.get(i));
            }
            rows.add(new Row(record.line, values));
        }
        return rows;
    }

    private record Record(int line, List<String> fields) {
    }

    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    field.append(c);
                }
                i++;
            }
            if (quoted) {
                throw ProblemException.badRequest("The CSV file has a quote opened on line " + startLine + " that is never closed.",
                        new Problem.FieldError("body", "unclosed quote", startLine));
            }
            fields.add(field.toString());
            records.add(new Record(startLine, fields));
        }
        return records;
    }

    /** Writes a header and rows as RFC 4180 CSV (CRLF line ends; fields quoted only when needed). */
    public static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        appendRecord(out, header);
        for (List<String> row : rows) {
            appendRecord(out, row);
        }
        return out.toString();
    }

    private static void appendRecord(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0 || !field.equals(field.trim());
            if (quote) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }
}
