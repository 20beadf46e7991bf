package org.learningcities.toolkits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks each text of one piece of content in the wanted language; when a text does not exist in
 * it, takes the original language (else the first there is) and remembers the field's path, so
 * the answer can say which fields fell back.
 */
final class Localizer {

    private final List<String> wanted;
    private final String original;
    private final List<String> fallbackFields = new ArrayList<>();
    private final Map<String, Map<String, String>> all = new LinkedHashMap<>();

    Localizer(List<String> wanted, String original) {
        this.wanted = wanted;
        this.original = original;
    }

    String text(String path, Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        all.put(path, texts);
        String key = best(wanted, texts);
        if (key != null) {
            return texts.get(key);
        }
        fallbackFields.add(path);
        String fallback = texts.containsKey(original) ? original : texts.keySet().iterator().next();
        return texts.get(fallback);
    }

    List<String> fallbackFields() {
        return List.copyOf(fallbackFields);
    }

    /** Every language of every text read through this localizer, for editing forms. */
    Map<String, Map<String, String>> translations() {
        return all;
    }

    /** The stored tag that answers the first wanted language: the same tag, else the same primary language. */
    static String best(List<String> wanted, Map<String, String> texts) {
        for (String tag : wanted) {
            if (texts.containsKey(tag)) {
                return tag;
            }
            String primary = Translations.primary(tag);
            for (String key : texts.keySet()) {
                if (Translations.primary(key).equals(primary)) {
                    return key;
                }
            }
        }
        return null;
    }
}
