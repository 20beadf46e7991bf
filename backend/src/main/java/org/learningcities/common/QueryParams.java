package org.learningcities.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Typed query parameters read by hand, so a bad value is a 400 problem naming the parameter
 * (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw ProblemException.badRequest(parameter + " must be one of " + allowed + ".",
                    new Problem.FieldError(parameter, "must be one of " + allowed));
        }
    }

    public static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " must be a date like 2021-07-01.",
                    new Problem.FieldError(parameter, "must be a date like 2021-07-01"));
        }
    }

    /** true or false (any case); absent is false. JAX-RS would read anything else ("maybe") as false. */
    public static boolean flag(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(trimmed);
        }
        throw ProblemException.badRequest(parameter + " must be true or false.",
                new Problem.FieldError(parameter, "must be true or false"));
    }
}
