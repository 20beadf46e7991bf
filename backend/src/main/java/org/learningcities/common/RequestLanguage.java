package org.learningcities.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The language of this request's texts: the {@code lang} parameter, else the best of
 * {@code Accept-Language}, else English. Resources that localise ask for it; the answer then
 * carries {@code Content-Language} (see {@link ContentLanguageFilter}).
 */
@RequestScoped
public class RequestLanguage {

    static final int MAX_TAG_LENGTH = 35;

    private Language chosen;

    public Language resolve(String langParameter, HttpHeaders headers, List<Language> offered) {
        if (langParameter != null && langParameter.length() > MAX_TAG_LENGTH) {
            // The contract's limit (a language tag is short); any shorter unknown value falls back to English.
            throw ProblemException.badRequest("lang must be at most " + MAX_TAG_LENGTH + " characters.",
                    new Problem.FieldError("lang", "must be at most " + MAX_TAG_LENGTH + " characters"));
        }
        Language fromParameter = Language.fromTag(langParameter);
        if (fromParameter != null && offered.contains(fromParameter)) {
            chosen = fromParameter;
            return chosen;
        }
        if (langParameter == null || langParameter.isBlank()) {
            String header = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            chosen = fromAcceptLanguage(header, offered);
        } else {
            chosen = Language.EN;
        }
        return chosen;
    }

    public Language chosen() {
        return chosen;
    }

    static Language fromAcceptLanguage(String header, List<Language> offered) {
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> Language.fromTag(range.getRange()))
                    .filter(language -> language != null && offered.contains(language))
                    .findFirst().orElse(Language.EN);
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
    }
}
