package org.learningcities.common;

import io.quarkus.panache.common.Parameters;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Starts a word of the name" search for list filters. The name columns use an accent- and
 * case-insensitive collation, so LIKE ignores accents and case too (`medellin` finds Medellín).
 */
public final class WordSearch {

    private WordSearch() {
    }

    /**
     * The HQL condition over the given columns (without surrounding parentheses), binding the
     * parameters {@code prefix} and {@code wordPrefix}; LIKE's wildcards in the text are escaped.
     */
    public static String condition(String text, List<String> columns, Parameters parameters) {
        String escaped = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<String> matches = new ArrayList<>();
        for (String column : columns) {
            matches.add(column + " like :prefix");
            matches.add(column + " like :wordPrefix");
        }
        parameters.and("prefix", escaped + "%").and("wordPrefix", "% " + escaped + "%");
        return String.join(" or ", matches);
    }

    /**
     * The text as the name columns' collation (utf8mb4_unicode_ci) compares it, for matching in
     * memory: accents and case dropped (letters such as æ, ł or đ stay letters of their own, as
     * they do in MariaDB's LIKE). MemberDirectoryTest holds it to MariaDB's own LIKE.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                return;
            }
            folded.appendCodePoint(Character.toLowerCase(c));
        });
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
