package org.learningcities.toolkits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.members.MemberImport.Report;

/**
 * The rules every metadata import of this area follows (the member import's): rows matched to
 * stored records by external id, every row checked before anything is written, errors reported
 * with their line, all or nothing, and a row equal to what is stored left alone (so the same file
 * twice changes nothing).
 */
final class DocumentImport {

    /** What differs between projects and resources. */
    interface Kind<R, I> {
        /** "project", "resource": names the record in the duplicate-row error. */
        String noun();

        /** The record's stored document. */
        I stored(R record);

        /** A row read over the stored document (null for a new record); problems go to {@code errors}. */
        I parse(Csv.Row row, I stored, List<FieldError> errors);

        /** The service's own checks (throws a problem); {@code record} is null for a new one. */
        I validate(I input, R record);

        /** Writes the document; {@code record} is null for a new one. */
        void save(R record, I clean);
    }

    private DocumentImport() {
    }

    static <R, I> Report run(List<Csv.Row> rows, Map<String, R> existing, Kind<R, I> kind, Documents documents, boolean dryRun) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Runnable> writes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Csv.Row row : rows) {
            String externalId = row.get("externalid");
            if (externalId.isEmpty() || !seen.add(externalId)) {
                errors.add(new FieldError("externalId", externalId.isEmpty() ? "is required"
                        : "the same " + kind.noun() + " appears twice in the file", row.line()));
                continue;
            }
            R record = existing.get(externalId);
            I stored = record == null ? null : kind.stored(record);
            int before = errors.size();
            I input = kind.parse(row, stored, errors);
            if (errors.size() > before) {
                continue;
            }
            I clean;
            try {
                clean = kind.validate(input, record);
            } catch (ProblemException e) {
                var problem = e.toProblem(null);
                if (problem.errors() == null) {
                    errors.add(new FieldError("row", problem.detail(), row.line()));
                } else {
                    problem.errors().forEach(f -> errors.add(new FieldError(f.field(), f.message(), row.line())));
                }
                continue;
            }
            if (record == null) {
                created++;
                writes.add(() -> kind.save(null, clean));
            } else if (documents.write(clean).equals(documents.write(stored))) {
                unchanged++;
            } else {
                updated++;
                writes.add(() -> kind.save(record, clean));
            }
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "has no data rows", 2));
        }
        boolean ok = errors.isEmpty();
        Report report = new Report(dryRun, rows.size(), ok ? rows.size() : 0, ok ? created : 0, ok ? updated : 0,
                ok ? unchanged : 0, errors, List.of());
        if (dryRun) {
            return report;
        }
        if (!ok) {
            throw ProblemException.validation(errors);
        }
        writes.forEach(Runnable::run);
        return report;
    }
}
