package org.learningcities.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting read from {@code page}, {@code size} and {@code sort}. Sort fields are
 * checked against what the endpoint allows, so a client can never inject an ORDER BY.
 */
public record PageRequest(int page, int size, List<SortField> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public record SortField(String column, boolean descending) {
        public String toSql() {
            return column + (descending ? " DESC" : " ASC");
        }
    }

    /**
     * @param allowed  the sort names a client may use, mapped to the column expression they sort by
     * @param defaultSort used when the client gives none
     */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> allowed, String defaultSort) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1) {
            throw ProblemException.badRequest("page must be 1 or more.", new Problem.FieldError("page", "must be 1 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE + ".",
                    new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        String wanted = sort == null || sort.isBlank() ? defaultSort : sort;
        List<SortField> fields = new ArrayList<>();
        for (String part : wanted.split(",")) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            String column = allowed.get(name);
            if (column == null) {
                throw ProblemException.badRequest("Cannot sort by '" + name + "'; use one of " + String.join(", ", allowed.keySet()) + ".",
                        new Problem.FieldError("sort", "must be one of " + String.join(", ", allowed.keySet())));
            }
            fields.add(new SortField(column, descending));
        }
        return new PageRequest(p, s, List.copyOf(fields));
    }

    public int offset() {
        return (page - 1) * size;
    }

    public String orderBy() {
        return String.join(", ", sort.stream().map(SortField::toSql).toList());
    }
}
