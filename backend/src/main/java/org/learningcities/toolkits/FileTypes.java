package org.learningcities.toolkits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of a file read from its bytes (magic numbers), never from its name or the type the
 * client declared: a page of HTML named guide.pdf is HTML. Only documents, images, audio and
 * video of known kinds are accepted; anything else (HTML, SVG, scripts, executables, archives,
 * unknown binaries) is refused.
 */
final class FileTypes {

    private FileTypes() {
    }

    /** The media type to store and serve, or null when the bytes are not an accepted kind. */
    static String detect(byte[] b) {
        if (b.length == 0) {
            return null;
        }
        if (starts(b, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(b, 0, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return "image/png";
        }
        if (starts(b, 0, new int[] {0xFF, 0xD8, 0xFF})) {
            return "image/jpeg";
        }
        if (starts(b, 0, "GIF87a") || starts(b, 0, "GIF89a")) {
            return "image/gif";
        }
        if (starts(b, 0, "RIFF") && starts(b, 8, "WEBP")) {
            return "image/webp";
        }
        if (starts(b, 0, "RIFF") && starts(b, 8, "WAVE")) {
            return "audio/wav";
        }
        if (starts(b, 0, "ID3") || b.length > 1 && (b[0] & 0xFF) == 0xFF && ((b[1] & 0xE0) == 0xE0) && (b[1] & 0x06) != 0) {
            return "audio/mpeg";
        }
        if (starts(b, 0, "OggS")) {
            return "audio/ogg";
        }
        if (starts(b, 0, "fLaC")) {
            return "audio/flac";
        }
        if (starts(b, 4, "ftyp")) {
            String brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
            return brand.startsWith("M4A") ? "audio/mp4" : "video/mp4";
        }
        if (starts(b, 0, new int[] {0x1A, 0x45, 0xDF, 0xA3})) {
            return "video/webm";
        }
        if (starts(b, 0, "{\\rtf")) {
            return "application/rtf";
        }
        if (starts(b, 0, new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})) {
            return "application/x-ole-storage"; // legacy .doc/.xls/.ppt
        }
        if (starts(b, 0, new int[] {'P', 'K', 3, 4})) {
            return officeZip(b);
        }
        return plainText(b);
    }

    /** A zip is accepted only as an OOXML or ODF document; other archives are refused. */
    private static String officeZip(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 2000) {
                String name = entry.getName();
                if (seen == 1 && name.equals("mimetype")) {
                    String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                    return type.startsWith("application/vnd.oasis.opendocument.") ? type : null;
                }
                if (name.startsWith("word/")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                if (name.startsWith("xl/")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                if (name.startsWith("ppt/")) {
                    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** UTF-8 text without control characters that is not markup or a script. */
    private static String plainText(byte[] b) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return null;
            }
        }
        String head = text.stripLeading().replace("\uFEFF", "");
        String lower = head.substring(0, Math.min(head.length(), 1024)).toLowerCase(Locale.ROOT);
        if (head.startsWith("#!") || head.startsWith("<") || lower.contains("<script") || lower.contains("<html")
                || lower.contains("<svg") || lower.contains("<!doctype") || lower.contains("<?xml")) {
            return null;
        }
        return "text/plain;charset=UTF-8";
    }

    private static boolean starts(byte[] b, int at, String ascii) {
        return starts(b, at, ascii.chars().toArray());
    }

    private static boolean starts(byte[] b, int at, int[] magic) {
        if (b.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
