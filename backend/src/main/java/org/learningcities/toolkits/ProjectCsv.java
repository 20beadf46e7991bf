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
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.members.MemberImport.Report;
import org.learningcities.toolkits.ToolkitViews.CoFinancingLine;
import org.learningcities.toolkits.ToolkitViews.ProjectContact;
import org.learningcities.toolkits.ToolkitViews.ProjectInput;

/**
 * Projects' main record as CSV, in and out (partners, strands and outputs are kept as stored).
 * Same rules as the member import: dry run, line-numbered errors, all or nothing, unchanged rows left.
 */
@ApplicationScoped
public class ProjectCsv {

    static final List<String> COLUMNS = List.of("externalId", "acronym", "originalLanguage", "title_en", "title_fr", "title_es",
            "summary_en", "summary_fr", "summary_es", "programme", "priority_en", "startDate", "endDate", "currency", "totalBudget",
            "coFinancing", "website", "contactName", "contactEmail", "topics");

    @Inject
    ProjectService projects;

    @Inject
    Documents documents;

    public String export(String q, Integer topic) {
        List<List<String>> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            var items = projects.list(q, topic, new PageRequest(page, 200, List.of()), List.of("en")).items();
            for (var summary : items) {
                ProjectInput p = documents.read(ProjectRecord.<ProjectRecord>findById(summary.id()).body, ProjectInput.class);
                List<String> row = new ArrayList<>(List.of(ResourceCsv.nz(p.externalId()), p.acronym(), p.originalLanguage()));
                ResourceCsv.LANGUAGES.forEach(l -> row.add(ResourceCsv.nz(p.title().get(l))));
                ResourceCsv.LANGUAGES.forEach(l -> row.add(ResourceCsv.nz(p.summary().get(l))));
                row.add(p.programme());
                row.add(ResourceCsv.nz(p.priority().get("en")));
                row.add(p.startDate() == null ? "" : p.startDate().toString());
                row.add(p.endDate() == null ? "" : p.endDate().toString());
                row.add(p.currency());
                row.add(ResourceCsv.nz(ProjectService.money(p.totalBudget(), p.currency())));
                row.add(String.join(";", p.coFinancing().stream().map(c -> c.source() + "=" + c.amount()).toList()));
                row.add(ResourceCsv.nz(p.website()));
                row.add(p.contact() == null ? "" : p.contact().name());
                row.add(p.contact() == null ? "" : ResourceCsv.nz(p.contact().email()));
                row.add(String.join(";", p.topics().stream().map(String::valueOf).toList()));
                rows.add(row);
            }
            if (items.size() < 200) {
                break;
            }
        }
        return Csv.write(COLUMNS, rows);
    }

    public Report run(String text, boolean dryRun) {
        List<Csv.Row> rows = Csv.read(text, List.of("externalid", "acronym", "originallanguage", "programme", "currency"));
        Map<String, ProjectRecord> existing = new HashMap<>();
        ProjectRecord.<ProjectRecord>list("externalId is not null").forEach(r -> existing.put(r.externalId, r));
        return DocumentImport.run(rows, existing, new DocumentImport.Kind<ProjectRecord, ProjectInput>() {
            public String noun() {
                return "project";
            }

            public ProjectInput stored(ProjectRecord record) {
                return documents.read(record.body, ProjectInput.class);
            }

            public ProjectInput parse(Csv.Row row, ProjectInput stored, List<FieldError> errors) {
                return ProjectCsv.parse(row, stored, errors);
            }

            public ProjectInput validate(ProjectInput input, ProjectRecord record) {
                return projects.validate(input, record == null ? null : record.id);
            }

            public void save(ProjectRecord record, ProjectInput clean) {
                projects.save(record == null ? new ProjectRecord() : record, clean);
            }
        }, documents, dryRun);
    }

    private static ProjectInput parse(Csv.Row row, ProjectInput stored, List<FieldError> errors) {
        int line = row.line();
        LocalDate start = date(row, "startdate", "startDate", errors);
        LocalDate end = date(row, "enddate", "endDate", errors);
        String total = row.get("totalbudget").isEmpty() ? null : row.get("totalbudget");
        if (total != null && !total.matches("^[0-9]{1,15}(\\.[0-9]{1,4})?$")) {
            errors.add(new FieldError("totalBudget", "must be an amount like 2103036.00", line));
        }
        List<CoFinancingLine> lines = new ArrayList<>();
        for (String part : ResourceCsv.split(row.get("cofinancing"))) {
            int eq = part.lastIndexOf('=');
            String amount = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (eq <= 0 || !amount.matches("^[0-9]{1,15}(\\.[0-9]{1,4})?$")) {
                errors.add(new FieldError("coFinancing", "'" + part + "' is not source=amount", line));
            } else {
                lines.add(new CoFinancingLine(part.substring(0, eq).trim(), amount));
            }
        }
        List<Integer> topics = new ArrayList<>();
        for (String t : ResourceCsv.split(row.get("topics"))) {
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
        String contactName = row.get("contactname");
        ProjectContact contact = contactName.isEmpty() ? null
                : new ProjectContact(contactName, row.get("contactemail").isEmpty() ? null : row.get("contactemail"),
                        stored == null || stored.contact() == null ? null : stored.contact().phone());
        Map<String, String> priority = new LinkedHashMap<>(stored == null ? Map.of() : stored.priority());
        if (row.get("priority_en").isEmpty()) {
            priority.remove("en");
        } else {
            priority.put("en", row.get("priority_en"));
        }
        return new ProjectInput(row.get("externalid"), row.get("acronym"), row.get("originallanguage"),
                ResourceCsv.merged(stored == null ? null : stored.title(), row, "title_"), ResourceCsv.merged(stored == null ? null : stored.summary(), row, "summary_"),
                row.get("programme"), priority, start, end, row.get("currency"), total, lines,
                stored == null ? List.of() : stored.partners(), stored == null ? List.of() : stored.objectives(),
                stored == null ? List.of() : stored.activityStrands(), stored == null ? Map.of() : stored.results(),
                stored == null ? List.of() : stored.outputResourceIds(), stored == null ? Map.of() : stored.lessonsLearned(),
                contact, row.get("website"), topics);
    }

    private static LocalDate date(Csv.Row row, String column, String field, List<FieldError> errors) {
        if (row.get(column).isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(row.get(column));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2012-01-01", row.line()));
            return null;
        }
    }
}
