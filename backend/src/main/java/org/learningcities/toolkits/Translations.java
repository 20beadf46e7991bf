package org.learningcities.toolkits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.learningcities.common.Problem.FieldError;

/**
 * Texts kept per language, keyed by BCP 47 tag ({@code en}, {@code fr}, {@code pt-BR}...). Any
 * well-formed tag is allowed, not only the three the interface speaks: content may exist in the
 * nine languages of a European project.
 */
final class Translations {

    private static final Pattern TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    private Translations() {
    }

    /** The canonical form of a tag ({@code PT-br} → {@code pt-BR}), or null when it is not one. */
    static String tag(String raw) {
        if (raw == null || !TAG.matcher(raw.trim()).matches()) {
            return null;
        }
        String canonical = Locale.forLanguageTag(raw.trim()).toLanguageTag();
        return "und".equals(canonical) ? null : canonical;
    }

    static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /**
     * The texts with canonical tags and without blanks; a bad tag or a text too long is reported
     * under {@code field}.
     */
    static Map<String, String> clean(String field, Map<String, String> texts, int maxLength, List<FieldError> errors) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (texts == null) {
            return cleaned;
        }
        texts.forEach((key, value) -> {
            String tag = tag(key);
            if (tag == null) {
                errors.add(new FieldError(field + "." + key, "is not a BCP 47 language tag"));
            } else if (value != null && !value.isBlank()) {
                if (value.length() > maxLength) {
                    errors.add(new FieldError(field + "." + key, "must be at most " + maxLength + " characters"));
                } else if (cleaned.put(tag, value.trim()) != null) {
                    errors.add(new FieldError(field + "." + key, "the language " + tag + " is given twice"));
                }
            }
        });
        return cleaned;
    }

    static Map<String, String> orEmpty(Map<String, String> texts) {
        return texts == null ? Map.of() : texts;
    }
}
