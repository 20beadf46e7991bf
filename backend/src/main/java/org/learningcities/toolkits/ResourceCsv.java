package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.members.MemberImport.Report;
import org.learningcities.toolkits.ToolkitViews.ResourceInput;
import org.learningcities.toolkits.ToolkitViews.ResourceType;
import org.learningcities.toolkits.ToolkitViews.TargetGroup;

/**
 * Resources' metadata as CSV, in and out. The file carries English, French and Spanish texts;
 * texts in other languages stay as stored. Same rules as the member import: a dry run reports
 * every bad row with its line, a real run stores every row or none, an unchanged row is left.
 */
@ApplicationScoped
public class ResourceCsv {

    static final List<String> COLUMNS = List.of("externalId", "type", "originalLanguage", "title_en", "title_fr", "title_es",
            "summary_en", "summary_fr", "summary_es", "topics", "targetGroups", "authors", "organisations", "publicationDate",
            "licence", "link_en", "link_fr", "link_es");
    static final List<String> LANGUAGES = List.of("en", "fr", "es");

    @Inject
    ResourceService resources;

    @Inject
    Documents documents;

    public String export(ResourceService.ListFilter filter) {
        List<List<String>> rows = new ArrayList<>();
        int page = 1;
        while (true) {
            var ids = resources.list(filter, new org.learningcities.common.PageRequest(page, 200, List.of()), List.of("en"))
                    .items().stream().map(ToolkitViews.ResourceSummary::id).toList();
            for (ResourceItem item : ResourceItem.<ResourceItem>list("id in ?1", ids.isEmpty() ? List.of(-1L) : ids)) {
                ResourceInput r = documents.read(item.body, ResourceInput.class);
                List<String> row = new ArrayList<>(List.of(nz(r.externalId()), r.type().name(), r.originalLanguage()));
                LANGUAGES.forEach(l -> row.add(nz(r.title().get(l))));
                LANGUAGES.forEach(l -> row.add(nz(Translations.orEmpty(r.summary()).get(l))));
                row.add(String.join(";", r.topics().stream().map(String::valueOf).toList()));
                row.add(String.join(";", r.targetGroups().stream().map(Enum::name).toList()));
                row.add(String.join(";", r.authors()));
                row.add(String.join(";", r.organisations()));
                row.add(r.publicationDate() == null ? "" : r.publicationDate().toString());
                row.add(nz(r.licence()));
                LANGUAGES.forEach(l -> row.add(nz(Translations.orEmpty(r.links()).get(l))));
                rows.add(row);
            }
            if (ids.size() < 200) {
                break;
            }
            page++;
        }
        return Csv.write(COLUMNS, rows);
    }

    public Report run(String text, boolean dryRun) {
        List<Csv.Row> rows = Csv.read(text, List.of("externalid", "type", "originallanguage"));
        Map<String, ResourceItem> existing = new HashMap<>();
        ResourceItem.<ResourceItem>list("externalId is not null").forEach(r -> existing.put(r.externalId, r));
        return DocumentImport.run(rows, existing, new DocumentImport.Kind<ResourceItem, ResourceInput>() {
            public String noun() {
                return "resource";
            }

            public ResourceInput stored(ResourceItem record) {
                return documents.read(record.body, ResourceInput.class);
            }

            public ResourceInput parse(Csv.Row row, ResourceInput stored, List<FieldError> errors) {
                return ResourceCsv.parse(row, stored, errors);
            }

            public ResourceInput validate(ResourceInput input, ResourceItem record) {
                return resources.validate(input, record == null ? null : record.id);
            }

            public void save(ResourceItem record, ResourceInput clean) {
                resources.save(record == null ? new ResourceItem() : record, clean);
            }
        }, documents, dryRun);
    }

    private static ResourceInput parse(Csv.Row row, ResourceInput stored, List<FieldError> errors) {
        int line = row.line();
        ResourceType type = null;
        try {
            type = ResourceType.valueOf(row.get("type"));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "'" + row.get("type") + "' is not one of " + Arrays.toString(ResourceType.values()), line));
        }
        List<Integer> topics = new ArrayList<>();
        for (String t : split(row.get("topics"))) {
            try {
                int n = Integer.parseInt(t);
                if (n < 1 || n > 12) {
                    throw new NumberFormatException();
                }
                topics.add(n);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("topics", "'" + t + "' is not a topic number from 1 to 12", line));
            }
        }
        List<TargetGroup> groups = new ArrayList<>();
        for (String g : split(row.get("targetgroups"))) {
            try {
                groups.add(TargetGroup.valueOf(g));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("targetGroups", "'" + g + "' is not a target group", line));
            }
        }
        LocalDate date = null;
        if (!row.get("publicationdate").isEmpty()) {
            try {
                date = LocalDate.parse(row.get("publicationdate"));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("publicationDate", "must be a date like 2014-09-30", line));
            }
        }
        return new ResourceInput(row.get("externalid"), type, row.get("originallanguage"),
                merged(stored == null ? null : stored.title(), row, "title_"),
                merged(stored == null ? null : stored.summary(), row, "summary_"), topics, groups,
                split(row.get("authors")), split(row.get("organisations")), date, row.get("licence"),
                merged(stored == null ? null : stored.links(), row, "link_"));
    }

    /** The file's English, French and Spanish texts over the stored texts of other languages. */
    static Map<String, String> merged(Map<String, String> stored, Csv.Row row, String prefix) {
        Map<String, String> texts = new LinkedHashMap<>(Translations.orEmpty(stored));
        for (String language : LANGUAGES) {
            String value = row.get(prefix + language);
            if (value.isEmpty()) {
                texts.remove(language);
            } else {
                texts.put(language, value);
            }
        }
        return texts;
    }

    static List<String> split(String list) {
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
