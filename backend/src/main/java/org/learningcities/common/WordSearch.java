package org.learningcities.common;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

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
}
