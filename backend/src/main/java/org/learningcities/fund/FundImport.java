package org.learningcities.fund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.fund.FundViews.ReceiptInput;

/**
 * Receipts from a bank-statement CSV: {@code value_date,donor_reference,amount,currency,rate,bank_reference}.
 * Every row is posted through {@link FundService#receipt} in the caller's one transaction, so one
 * bad row stores nothing. A row whose bank reference is already a live receipt of the fund is
 * left alone (the same statement imported twice records nothing twice).
 */
@ApplicationScoped
public class FundImport {

    static final List<String> RECEIPT_COLUMNS = List.of("value_date", "donor_reference", "amount", "currency", "rate", "bank_reference");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("valueDate", "value_date", "donorId", "donor_reference",
            "exchangeRate", "rate", "bankReference", "bank_reference");

    public record Report(boolean dryRun, int rowsRead, int rowsAccepted, int created, int updated, int unchanged,
                        List<FieldError> errors, List<FieldError> warnings) {
    }

    @Inject
    FundService fund;

    @Inject
    EntityManager em;

    /** Runs in the caller's transaction; with errors and no dry run, throws (and the caller rolls back). */
    public Report receipts(long fundId, String csv, boolean dryRun) {
        fund.fund(fundId); // 404 for an unknown fund
        List<Csv.Row> rows = Csv.read(csv, RECEIPT_COLUMNS);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        int unchanged = 0;
        for (Csv.Row row : rows) {
            int line = row.line();
            String reference = blankToNull(row.get("bank_reference"));
            if (reference == null) {
                errors.add(new FieldError("bank_reference", "is required (it makes a second import of the statement harmless)", line));
                continue;
            }
            if (!seen.add(reference)) {
                errors.add(new FieldError("bank_reference", "appears twice in the file", line));
                continue;
            }
            if (!em.createNativeQuery("SELECT m.id FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id"
                            + " WHERE m.fund_id = ?1 AND m.kind = 'RECEIPT' AND m.bank_reference = ?2"
                            + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = e.id)")
                    .setParameter(1, fundId).setParameter(2, reference).getResultList().isEmpty()) {
                unchanged++;
                continue;
            }
            try {
                Long donorId = donor(row.get("donor_reference"));
                if (donorId == null) {
                    errors.add(new FieldError("donor_reference", "is not a donor id nor the external id of a donor's city or organisation", line));
                    continue;
                }
                fund.receipt(fundId, new ReceiptInput(donorId, null, blankToNull(row.get("amount")), blankToNull(row.get("currency")),
                        blankToNull(row.get("rate")), date(row.get("value_date"), line), reference, null, "Imported from a bank statement"));
                created++;
            } catch (ProblemException e) {
                for (FieldError error : e.toProblem(null).errors() == null ? List.<FieldError>of() : e.toProblem(null).errors()) {
                    errors.add(new FieldError(COLUMN_OF_FIELD.getOrDefault(error.field(), error.field()), error.message(), line));
                }
            }
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "has no data rows", 2));
        }
        errors.sort(Comparator.comparing(FieldError::line).thenComparing(FieldError::field));
        boolean ok = errors.isEmpty();
        Report report = new Report(dryRun, rows.size(), ok ? created + unchanged : 0, ok ? created : 0, 0, ok ? unchanged : 0,
                errors, List.of());
        if (!ok && !dryRun) {
            throw ProblemException.validation(errors);
        }
        return report;
    }

    /** A donor id, or the external id of the donor's member city or organisation. */
    private Long donor(String reference) {
        String ref = blankToNull(reference);
        if (ref == null) {
            return null;
        }
        List<?> ids = ref.matches("\\d{1,18}")
                ? em.createNativeQuery("SELECT id FROM fund_donor WHERE id = ?1").setParameter(1, Long.parseLong(ref)).getResultList()
                : em.createNativeQuery("SELECT d.id FROM fund_donor d LEFT JOIN member_city m ON m.id = d.member_id"
                        + " LEFT JOIN organisation o ON o.id = d.organisation_id WHERE m.external_id = ?1 OR o.external_id = ?1")
                .setParameter(1, ref).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private static LocalDate date(String text, int line) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.validation("valueDate", "must be a date like 2019-06-28");
        }
    }

    private static String blankToNull(String text) {
        return org.learningcities.common.Texts.blankToNull(text);
    }
}
