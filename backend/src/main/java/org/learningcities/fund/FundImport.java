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
import org.learningcities.fund.FundViews.Earmark;
import org.learningcities.fund.FundViews.MovementKind;
import org.learningcities.fund.FundViews.PledgeInput;
import org.learningcities.fund.FundViews.ReceiptInput;

/**
 * Movements from a CSV file, one runner for every kind: receipts from a bank statement
 * ({@code value_date,donor_reference,amount,currency,rate,bank_reference}) and pledges
 * ({@code date,donor_reference,amount,currency,rate,pledge_reference}, optional {@code earmark}
 * and {@code expected_payment_dates}). Every row is posted through {@link FundService} in the
 * caller's one transaction, so one bad row stores nothing. A row whose reference is already a
 * live movement of that kind in the fund is left alone (the same file imported twice records
 * nothing twice).
 */
@ApplicationScoped
public class FundImport {

    static final List<String> RECEIPT_COLUMNS = List.of("value_date", "donor_reference", "amount", "currency", "rate", "bank_reference");
    static final List<String> PLEDGE_COLUMNS = List.of("date", "donor_reference", "amount", "currency", "rate", "pledge_reference");

    /** What differs between the kinds of import; everything else is {@link #run}. */
    private record Kind(MovementKind movement, List<String> columns, String referenceColumn, Map<String, String> columnOfField,
                        RowPoster poster) {
    }

    @FunctionalInterface
    private interface RowPoster {
        void post(long fundId, Csv.Row row, long donorId, String reference);
    }

    @Inject
    FundService fund;

    @Inject
    EntityManager em;

    private final Kind receipts = new Kind(MovementKind.RECEIPT, RECEIPT_COLUMNS, "bank_reference",
            Map.of("valueDate", "value_date", "donorId", "donor_reference", "exchangeRate", "rate", "bankReference", "bank_reference"),
            (fundId, row, donorId, reference) -> fund.receipt(fundId, new ReceiptInput(donorId, null, blankToNull(row.get("amount")),
                    blankToNull(row.get("currency")), blankToNull(row.get("rate")), date("valueDate", row.get("value_date")), reference,
                    null, "Imported from a bank statement")));

    private final Kind pledges = new Kind(MovementKind.PLEDGE, PLEDGE_COLUMNS, "pledge_reference",
            Map.of("date", "date", "donorId", "donor_reference", "exchangeRate", "rate", "earmark", "earmark",
                    "expectedPaymentDates", "expected_payment_dates"),
            (fundId, row, donorId, reference) -> fund.pledge(fundId, new PledgeInput(donorId, blankToNull(row.get("amount")),
                    blankToNull(row.get("currency")), blankToNull(row.get("rate")), date("date", row.get("date")),
                    earmark(row.get("earmark")), dates(row.get("expected_payment_dates")), "Imported from a pledge list"), reference));

    public record Report(boolean dryRun, int rowsRead, int rowsAccepted, int created, int updated, int unchanged,
                        List<FieldError> errors, List<FieldError> warnings) {
    }

    /** Runs in the caller's transaction; with errors and no dry run, throws (and the caller rolls back). */
    public Report receipts(long fundId, String csv, boolean dryRun) {
        return run(receipts, fundId, csv, dryRun);
    }

    /** As {@link #receipts}, for pledges. */
    public Report pledges(long fundId, String csv, boolean dryRun) {
        return run(pledges, fundId, csv, dryRun);
    }

    private Report run(Kind kind, long fundId, String csv, boolean dryRun) {
        fund.fund(fundId); // 404 for an unknown fund
        List<Csv.Row> rows = Csv.read(csv, kind.columns());
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        int unchanged = 0;
        for (Csv.Row row : rows) {
            int line = row.line();
            String reference = blankToNull(row.get(kind.referenceColumn()));
            if (reference == null) {
                errors.add(new FieldError(kind.referenceColumn(), "is required (it makes a second import of the file harmless)", line));
                continue;
            }
            if (reference.length() > 100) {
                errors.add(new FieldError(kind.referenceColumn(), "must be at most 100 characters", line));
                continue;
            }
            if (!seen.add(reference)) {
                errors.add(new FieldError(kind.referenceColumn(), "appears twice in the file", line));
                continue;
            }
            // The reference of a receipt or a pledge is kept in the movement's bank_reference column.
            if (!em.createNativeQuery("SELECT m.id FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id"
                            + " WHERE m.fund_id = ?1 AND m.kind = ?2 AND m.bank_reference = ?3"
                            + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = e.id)")
                    .setParameter(1, fundId).setParameter(2, kind.movement().name()).setParameter(3, reference)
                    .getResultList().isEmpty()) {
                unchanged++;
                continue;
            }
            try {
                Long donorId = donor(row.get("donor_reference"));
                if (donorId == null) {
                    errors.add(new FieldError("donor_reference", "is not a donor id nor the external id of a donor's city or organisation", line));
                    continue;
                }
                kind.poster().post(fundId, row, donorId, reference);
                created++;
            } catch (ProblemException e) {
                List<FieldError> found = e.toProblem(null).errors();
                for (FieldError error : found == null ? List.<FieldError>of() : found) {
                    String field = error.field() == null ? "" : error.field();
                    String base = field.replaceAll("[.\\[].*$", ""); // earmark.kind -> earmark, expectedPaymentDates[0] -> ...
                    errors.add(new FieldError(kind.columnOfField().getOrDefault(base, field), error.message(), line));
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

    private static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "must be a date like 2019-06-28");
        }
    }

    /** Dates separated by semicolons ({@code 2019-06-30;2020-06-30}); empty for none. */
    private static List<LocalDate> dates(String text) {
        List<LocalDate> dates = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(";")) {
            if (!part.isBlank()) {
                dates.add(date("expectedPaymentDates", part));
            }
        }
        return dates;
    }

    /** An earmark as one word, as the CSV exports write it: NONE, LOW_INCOME, BUDGET_LINE:7, CLUSTER:3, REGION:AFRICA. */
    private static Earmark earmark(String text) {
        String word = blankToNull(text);
        if (word == null) {
            return null;
        }
        String[] parts = word.split(":", 2);
        String kind = parts[0].trim().toUpperCase();
        String value = parts.length > 1 ? parts[1].trim() : null;
        try {
            return switch (kind) {
                case "BUDGET_LINE" -> new Earmark(kind, value == null ? null : Long.valueOf(value), null, null);
                case "CLUSTER" -> new Earmark(kind, null, value == null ? null : Long.valueOf(value), null);
                case "REGION" -> new Earmark(kind, null, null, value);
                default -> new Earmark(kind, null, null, null);
            };
        } catch (NumberFormatException e) {
            throw ProblemException.validation("earmark", "must be NONE, LOW_INCOME, BUDGET_LINE:<id>, CLUSTER:<id> or REGION:<code>");
        }
    }

    private static String blankToNull(String text) {
        return org.learningcities.common.Texts.blankToNull(text);
    }
}
