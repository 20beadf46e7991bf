package org.learningcities.common;

import java.util.List;
import java.util.Locale;

/** The languages the platform's texts are kept in; English is the fallback for everything else. */
public enum Language {
    EN, FR, ES, AR, ZH, RU;

    /** Languages every human-readable reference text and UI string exists in. */
    public static final List<Language> UI = List.of(EN, FR, ES);

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a tag such as {@code fr-CH}, or null when the platform does not have it. */
    public static Language fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.trim().split("[-_]")[0].toUpperCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.name().equals(primary)) {
                return language;
            }
        }
        return null;
    }

    /** Picks the text in this language, falling back to English when it has none. */
    public String pick(String en, String fr, String es) {
        String text = switch (this) {
            case FR -> fr;
            case ES -> es;
            default -> en;
        };
        return text == null || text.isBlank() ? en : text;
    }
}
