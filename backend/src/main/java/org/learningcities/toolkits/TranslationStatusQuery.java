package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.TranslationStatus;

/**
 * Which content lacks a language, read from the search table: it already holds one row per
 * piece of content and language, and knows which rows have a title of their own.
 */
@ApplicationScoped
public class TranslationStatusQuery {

    static final List<String> REQUIRED = List.of("en", "fr", "es");

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Page<TranslationStatus> list(SearchKind kind, String language, PageRequest paging) {
        List<String> required = language == null ? REQUIRED : List.of(Translations.primary(language));
        List<String> lacking = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            lacking.add("SUM(own_title = 1 AND (language = :l" + i + " OR language LIKE :p" + i + ")) = 0");
        }
        String grouped = "SELECT kind, ref_id, original_language,"
                + " GROUP_CONCAT(CASE WHEN own_title = 1 THEN language END ORDER BY language SEPARATOR ' ') AS languages,"
                + " COALESCE(MAX(CASE WHEN own_title = 1 AND language = original_language THEN title END), MAX(title)) AS title"
                + " FROM search_entry WHERE kind <> 'MEMBER'" + (kind == null ? "" : " AND kind = :kind")
                + " GROUP BY kind, ref_id, original_language HAVING " + String.join(" OR ", lacking);
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM (" + grouped + ") g");
        Query page = em.createNativeQuery(grouped + " ORDER BY kind, ref_id LIMIT :limit OFFSET :offset");
        for (Query query : List.of(count, page)) {
            for (int i = 0; i < required.size(); i++) {
                query.setParameter("l" + i, required.get(i)).setParameter("p" + i, required.get(i) + "-%");
            }
            if (kind != null) {
                query.setParameter("kind", kind.name());
            }
        }
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<TranslationStatus> items = new ArrayList<>();
        for (Object[] row : (List<Object[]>) page.getResultList()) {
            List<String> languages = row[3] == null ? List.of() : Arrays.asList(((String) row[3]).split(" "));
            List<String> missing = required.stream()
                    .filter(r -> languages.stream().noneMatch(l -> Translations.primary(l).equals(r))).toList();
            items.add(new TranslationStatus(SearchKind.valueOf((String) row[0]), ((Number) row[1]).longValue(), (String) row[4],
                    (String) row[2], languages, missing));
        }
        return Page.of(items, paging, total);
    }
}
