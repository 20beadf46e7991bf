package org.learningcities.toolkits;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The languages a reader of content wants, best first: the {@code lang} parameter, else
 * {@code Accept-Language}, else English. Unlike reference texts (three languages, see
 * RequestLanguage), content may be in any language, so any tag is honoured.
 */
@RequestScoped
public class ContentLanguage {

    private List<String> wanted;

    public List<String> resolve(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank() && (lang.length() > 35 || Translations.tag(lang) == null)) {
            // A value that is no language tag is a client's mistake, not "no preference".
            throw org.learningcities.common.ProblemException.badRequest("lang must be a language tag such as fr or pt-BR.",
                    new org.learningcities.common.Problem.FieldError("lang", "must be a language tag (BCP 47), at most 35 characters"));
        }
        List<String> tags = new ArrayList<>();
        String fromParameter = Translations.tag(lang);
        if (fromParameter != null) {
            tags.add(fromParameter);
        } else if (lang == null || lang.isBlank()) {
            String header = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            if (header != null && !header.isBlank()) {
                try {
                    Locale.LanguageRange.parse(header).stream()
                            .filter(range -> range.getWeight() > 0)
                            .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                            .map(range -> Translations.tag(range.getRange()))
                            .filter(tag -> tag != null && !tags.contains(tag))
                            .forEach(tags::add);
                } catch (IllegalArgumentException malformed) {
                    // an unreadable header is no preference
                }
            }
        }
        if (tags.isEmpty()) {
            tags.add("en"); // no preference: English (a missing English text then falls back to the original)
        }
        wanted = List.copyOf(tags);
        return wanted;
    }

    /** What resolve() chose, or null when this request did not read content. */
    public List<String> wanted() {
        return wanted;
    }

    /** Adds Content-Language (the first wanted language) to answers of requests that resolved one. */
    @Provider
    public static class Filter implements ContainerResponseFilter {
        @Inject
        ContentLanguage language;

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            List<String> wanted = language.wanted(); // through the proxy: a field read would see the proxy's own
            if (wanted != null && response.getStatus() < 400) {
                response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, wanted.get(0));
                response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            }
        }
    }
}
