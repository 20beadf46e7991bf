package org.learningcities.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the shape every list endpoint answers with. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** A whole small list (a fixed vocabulary) as a single page. */
    public static <T> Page<T> all(List<T> items) {
        return new Page<>(items, 1, Math.max(items.size(), 1), items.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
