package org.learningcities.common;

/** Small text rules shared by every area's input handling. */
public final class Texts {

    private Texts() {
    }

    /** Trims a text; an empty or blank one is stored as null (absent). */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
