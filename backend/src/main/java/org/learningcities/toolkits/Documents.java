package org.learningcities.toolkits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Content records are kept as JSON documents: their input, cleaned. */
@ApplicationScoped
public class Documents {

    @Inject
    ObjectMapper json;

    public String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored document cannot be read as " + type.getSimpleName(), e);
        }
    }
}
