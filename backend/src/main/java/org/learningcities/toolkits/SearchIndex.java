package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.toolkits.ToolkitViews.ResourceType;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.SearchResult;
import org.learningcities.toolkits.ToolkitViews.SnippetSegment;

/**
 * Full-text search over a denormalised table (search_entry), one row per piece of content and
 * language, rewritten by the services in the same transaction as the content itself.
 *
 * Why MariaDB FULLTEXT rather than Lucene or OpenSearch: the index lives in the database the
 * platform already runs, is transactional with the content (never stale, nothing to re-sync after
 * a crash), works the same on one node and on a Galera cluster, and answers in milliseconds at
 * the sizes a network's library reaches (tens of thousands of items; see the README's figures).
 * Its limits are known: no stemming, prefix matching only, 3-letter minimum words. If the library
 * grows to millions of documents or needs stemming per language, the search_entry rows are the
 * feed for Hibernate Search/OpenSearch, and only this class changes.
 */
@ApplicationScoped
public class SearchIndex {

    /** The texts of one language of one piece of content. */
    public record Entry(String language, boolean ownTitle, String title, String body) {
    }

    /** What is filtered on besides the words. */
    public record Facets(Collection<Integer> topics, Collection<String> targetGroups, String region, ResourceType resourceType) {
    }

    /** InnoDB's default stop words: a required stop word would match nothing. */
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en",
            "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what",
            "when", "where", "who", "will", "with", "und", "www");
    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final int SNIPPET = 240;

    @Inject
    EntityManager em;

    public void replace(SearchKind kind, long refId, String originalLanguage, boolean visible, List<Entry> entries, Facets facets) {
        remove(kind, refId);
        for (Entry entry : entries) {
            em.createNativeQuery("INSERT INTO search_entry (kind, ref_id, language, original_language, own_title, visible, title, body,"
                            + " topics, target_groups, region, resource_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                    .setParameter(1, kind.name()).setParameter(2, refId).setParameter(3, entry.language())
                    .setParameter(4, originalLanguage).setParameter(5, entry.ownTitle()).setParameter(6, visible)
                    .setParameter(7, cut(entry.title(), 1000)).setParameter(8, entry.body() == null ? "" : entry.body())
                    .setParameter(9, codes(facets.topics())).setParameter(10, codes(facets.targetGroups()))
                    .setParameter(11, facets.region())
                    .setParameter(12, facets.resourceType() == null ? null : facets.resourceType().name())
                    .executeUpdate();
        }
    }

    public void remove(SearchKind kind, long refId) {
        em.createNativeQuery("DELETE FROM search_entry WHERE kind = ?1 AND ref_id = ?2")
                .setParameter(1, kind.name()).setParameter(2, refId).executeUpdate();
    }

    /**
     * One entry per language found in the given text fields (title first): the title in that
     * language (or the original's, marked as not its own) and every other text in that language.
     */
    public static List<Entry> entries(String originalLanguage, Map<String, String> title, List<Map<String, String>> texts) {
        Set<String> languages = new LinkedHashSet<>(title.keySet());
        texts.forEach(t -> languages.addAll(t.keySet()));
        String fallbackTitle = title.containsKey(originalLanguage) ? title.get(originalLanguage)
                : title.values().stream().findFirst().orElse("");
        List<Entry> entries = new ArrayList<>();
        for (String language : languages) {
            String body = texts.stream().map(t -> t.get(language)).filter(t -> t != null && !t.isBlank())
                    .collect(Collectors.joining("\n"));
            boolean own = title.containsKey(language);
            entries.add(new Entry(language, own, own ? title.get(language) : fallbackTitle, body));
        }
        return entries;
    }

    public record Filter(String q, SearchKind kind, Integer topic, String language, String region, String targetGroup) {
    }

    /** One page of results; when the search was capped, total is a lower bound and says so. */
    public record SearchPage(List<SearchResult> items, int page, int size, long total, boolean totalIsEstimate) {
    }

    /**
     * How many best-ranked texts of content, and how many member cities, one search ranks and
     * counts. A word found in every resource used to rank, count and carry the bodies of all
     * 20,000 texts twice (0.25 s and more); bounded, the database scores the matches once,
     * keeps these few (a priority queue, not a sort of everything) and the bodies are read only
     * for the page shown. See the contract: total is then an estimate.
     */
    static final int CANDIDATES = 1000;

    @SuppressWarnings("unchecked")
    public SearchPage search(Filter filter, PageRequest paging) {
        List<String> words = words(filter.q());
        if (words.isEmpty()) {
            throw ProblemException.badRequest("q needs a word of at least three letters or digits (not a stop word).",
                    new Problem.FieldError("q", "needs a word of at least three letters"));
        }
        String against = words.stream().map(w -> "+" + w + "*").collect(Collectors.joining(" "));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", against);

        // Candidates: per part, only ids and scores (no titles or bodies), the best CANDIDATES of them (one more tells
        // whether there were more).
        List<String> parts = new ArrayList<>();
        if (filter.kind() != SearchKind.MEMBER) {
            StringBuilder where = new StringBuilder("visible = 1 AND MATCH(title, body) AGAINST(:q IN BOOLEAN MODE)");
            if (filter.kind() != null) {
                where.append(" AND kind = :kind");
                parameters.put("kind", filter.kind().name());
            }
            if (filter.topic() != null) {
                where.append(" AND topics LIKE :topic");
                parameters.put("topic", "% " + filter.topic() + " %");
            }
            if (filter.targetGroup() != null) {
                where.append(" AND target_groups LIKE :targetGroup");
                parameters.put("targetGroup", "% " + filter.targetGroup() + " %");
            }
            if (filter.region() != null) {
                where.append(" AND region = :region");
                parameters.put("region", filter.region());
            }
            if (filter.language() != null) {
                where.append(" AND own_title + LENGTH(body) > 0 AND (language = :language OR language LIKE :languagePrefix)");
                parameters.put("language", filter.language());
                parameters.put("languagePrefix", filter.language() + "-%");
            }
            parts.add("(SELECT id, kind, ref_id, language,"
                    + " MATCH(title) AGAINST(:q IN BOOLEAN MODE) * 3 + MATCH(title, body) AGAINST(:q IN BOOLEAN MODE) AS score"
                    + " FROM search_entry WHERE " + where + " ORDER BY score DESC, id LIMIT " + (CANDIDATES + 1) + ")");
        }
        boolean members = (filter.kind() == null || filter.kind() == SearchKind.MEMBER) && filter.language() == null
                && filter.targetGroup() == null;
        if (members) {
            StringBuilder where = new StringBuilder("m.status = 'MEMBER' AND MATCH(m.name, m.local_name) AGAINST(:q IN BOOLEAN MODE)");
            if (filter.region() != null) {
                where.append(" AND m.country_iso2 IN (SELECT c.iso2 FROM country c WHERE c.unesco_region = :region)");
                parameters.put("region", filter.region());
            }
            if (filter.topic() != null) {
                where.append(" AND EXISTS (SELECT 1 FROM member_topic t WHERE t.member_id = m.id AND t.topic_number = :topicNumber)");
                parameters.put("topicNumber", filter.topic());
            }
            parts.add("(SELECT m.id AS id, 'MEMBER' AS kind, m.id AS ref_id, NULL AS language,"
                    + " MATCH(m.name, m.local_name) AGAINST(:q IN BOOLEAN MODE) * 4 AS score"
                    + " FROM member_city m WHERE " + where + " ORDER BY score DESC, m.id LIMIT " + (CANDIDATES + 1) + ")");
        }
        // The best language of each piece of content, the count of results and whether a part was cut off, in one pass.
        String ranked = "SELECT id, kind, ref_id, language, score, results, capped FROM ("
                + " SELECT c.*, COUNT(*) OVER () AS results FROM ("
                + "  SELECT h.*, ROW_NUMBER() OVER (PARTITION BY kind, ref_id ORDER BY score DESC, language) AS best,"
                + "   GREATEST(SUM(kind <> 'MEMBER') OVER (), SUM(kind = 'MEMBER') OVER ()) > " + CANDIDATES + " AS capped"
                + "  FROM (" + String.join(" UNION ALL ", parts) + ") h) c WHERE best = 1) r"
                + " ORDER BY score DESC, kind, ref_id LIMIT :limit OFFSET :offset";
        List<Object[]> rows = ranked(ranked, parameters, paging.size(), paging.offset());
        if (rows.isEmpty() && paging.offset() > 0) {
            // Past the last page: the totals still come from the first row.
            List<Object[]> first = ranked(ranked, parameters, 1, 0);
            long total = first.isEmpty() ? 0 : ((Number) first.get(0)[5]).longValue();
            return new SearchPage(List.of(), paging.page(), paging.size(), total, !first.isEmpty() && truthy(first.get(0)[6]));
        }
        Map<Long, Object[]> entries = texts("SELECT id, title, body, resource_type, topics FROM search_entry WHERE id IN (:ids)",
                rows.stream().filter(r -> !"MEMBER".equals(r[1])).map(r -> ((Number) r[0]).longValue()).toList());
        // The driver answers the one-character literal ' ' as a Character: read as String.valueOf below.
        Map<Long, Object[]> cities = texts("SELECT m.id, m.name, CONCAT_WS(', ', m.local_name, c.name_en), NULL, ' ' FROM member_city m"
                        + " JOIN country c ON c.iso2 = m.country_iso2 WHERE m.id IN (:ids)",
                rows.stream().filter(r -> "MEMBER".equals(r[1])).map(r -> ((Number) r[0]).longValue()).toList());
        List<SearchResult> results = new ArrayList<>();
        for (Object[] row : rows) {
            boolean member = "MEMBER".equals(row[1]);
            Object[] text = (member ? cities : entries).get(((Number) row[0]).longValue());
            if (text == null) {
                continue; // rewritten between the two reads (an edit replaces its search rows): left out of this page
            }
            String title = (String) text[1];
            String body = (String) text[2];
            results.add(new SearchResult(SearchKind.valueOf((String) row[1]), ((Number) row[2]).longValue(), title,
                    (String) row[3], snippet(body == null || body.isBlank() ? title : body, words),
                    Math.round(((Number) row[4]).doubleValue() * 1000) / 1000.0,
                    text[3] == null ? null : ResourceType.valueOf(text[3].toString()), topics(String.valueOf(text[4]))));
        }
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[5]).longValue();
        return new SearchPage(results, paging.page(), paging.size(), total, !rows.isEmpty() && truthy(rows.get(0)[6]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> ranked(String sql, Map<String, Object> parameters, int limit, int offset) {
        Query query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
    }

    /** The texts of the rows on the page only, by id. */
    @SuppressWarnings("unchecked")
    private Map<Long, Object[]> texts(String sql, List<Long> ids) {
        Map<Long, Object[]> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).setParameter("ids", ids).getResultList()) {
                byId.put(((Number) row[0]).longValue(), row);
            }
        }
        return byId;
    }

    private static boolean truthy(Object value) {
        return value instanceof Number n ? n.intValue() != 0 : Boolean.TRUE.equals(value);
    }

    /** The words of a query that the index can match, folded (no accents, lower case). */
    static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(q == null ? "" : q);
        while (m.find() && words.size() < 10) {
            String word = fold(m.group());
            if (word.length() >= 3 && !STOP_WORDS.contains(word) && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The passage around the first matching word, cut into plain and matching segments. */
    static List<SnippetSegment> snippet(String text, List<String> words) {
        String folded = fold(text);
        int first = -1;
        Matcher m = WORD.matcher(folded);
        while (m.find() && first < 0) {
            if (matches(m.group(), words)) {
                first = m.start();
            }
        }
        int start = first <= 60 ? 0 : folded.lastIndexOf(' ', first - 60) + 1;
        int end = Math.min(text.length(), start + SNIPPET);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        List<SnippetSegment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder(start > 0 ? "…" : "");
        int at = start;
        Matcher words2 = WORD.matcher(folded).region(start, end);
        while (words2.find()) {
            if (matches(words2.group(), words)) {
                plain.append(text, at, words2.start());
                if (!plain.isEmpty()) {
                    segments.add(new SnippetSegment(plain.toString(), false));
                    plain.setLength(0);
                }
                segments.add(new SnippetSegment(text.substring(words2.start(), words2.end()), true));
                at = words2.end();
            }
        }
        plain.append(text, at, end).append(end < text.length() ? "…" : "");
        if (!plain.isEmpty()) {
            segments.add(new SnippetSegment(plain.toString(), false));
        }
        return segments;
    }

    private static boolean matches(String foldedWord, List<String> words) {
        return words.stream().anyMatch(foldedWord::startsWith);
    }

    /** Lower case without accents, one character for one, so positions in the folded text are positions in the text. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(Character.toLowerCase(c)); // ASCII has no accents: no decomposition (most of every text)
                continue;
            }
            String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
            out.append(base.length() == 1 ? Character.toLowerCase(base.charAt(0)) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String codes(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return " ";
        }
        return " " + values.stream().map(String::valueOf).collect(Collectors.joining(" ")) + " ";
    }

    private static List<Integer> topics(String codes) {
        List<Integer> topics = new ArrayList<>();
        for (String code : codes.trim().split(" ")) {
            if (!code.isEmpty()) {
                topics.add(Integer.valueOf(code));
            }
        }
        return topics;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
