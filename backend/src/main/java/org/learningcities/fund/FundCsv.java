package org.learningcities.fund;

import java.util.ArrayList;
import java.util.List;
import org.learningcities.common.Csv;
import org.learningcities.fund.FundViews.*;

/** The fund's reports as CSV: journal (one line per leg), trial balance and donor statement. */
final class FundCsv {

    private FundCsv() {
    }

    static String journal(List<JournalEntryView> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (JournalEntryView e : entries) {
            for (Leg l : e.legs()) {
                rows.add(List.of(String.valueOf(e.id()), String.valueOf(e.movementId()), e.kind(), e.valueDate().toString(),
                        text(e.donorId()), text(e.reversesEntryId()), l.account(), l.side(), l.amountUsd(), text(l.amount()),
                        text(l.currency()), text(e.description())));
            }
        }
        return Csv.write(List.of("entryId", "movementId", "kind", "valueDate", "donorId", "reversesEntryId", "account", "side",
                "amountUsd", "amount", "currency", "description"), rows);
    }

    static String trialBalance(TrialBalance tb) {
        List<List<String>> rows = new ArrayList<>();
        for (AccountLine a : tb.accounts()) {
            rows.add(List.of(a.account(), a.debits(), a.credits(), a.balance()));
        }
        rows.add(List.of("TOTAL", tb.totalDebits(), tb.totalCredits(),
                new java.math.BigDecimal(tb.totalDebits()).subtract(new java.math.BigDecimal(tb.totalCredits())).toPlainString()));
        return Csv.write(List.of("account", "debits", "credits", "balance"), rows);
    }

    static String statement(DonorStatement s) {
        List<List<String>> rows = new ArrayList<>();
        for (StatementPledge p : s.pledges()) {
            rows.add(List.of("PLEDGE", p.date().toString(), String.valueOf(p.movementId()), earmark(p.earmark()), p.amount(), p.currency(),
                    "", p.amountUsd(), p.outstanding(), "", "", "", "", String.valueOf(p.reversed()), ""));
        }
        for (StatementReceipt r : s.receipts()) {
            rows.add(List.of("RECEIPT", r.valueDate().toString(), String.valueOf(r.movementId()), earmark(r.earmark()), r.amount(),
                    r.currency(), r.exchangeRate(), r.amountUsd(), "", "", "", "", "", String.valueOf(r.reversed()), text(r.bankReference())));
        }
        for (StatementUse u : s.uses()) {
            rows.add(List.of("USE", u.valueDate().toString(), String.valueOf(u.allocationId()), earmark(u.pool()), "", Money.USD, "",
                    u.allocatedUsd(), "", text(u.budgetLineId()), String.valueOf(u.allocationId()), u.share(), u.spentUsd(), "", ""));
        }
        rows.add(List.of("TOTAL_RECEIVED", "", "", "", "", Money.USD, "", s.totalReceivedUsd(), "", "", "", "", "", "", ""));
        rows.add(List.of("RULE", "", "", "", "", "", "", "", "", "", "", "", "", "", s.attributionRule()));
        return Csv.write(List.of("line", "date", "movementId", "earmark", "amount", "currency", "exchangeRate", "amountUsd",
                "outstanding", "budgetLineId", "allocationId", "share", "spentUsd", "reversed", "note"), rows);
    }

    /** An earmark as one word: NONE, LOW_INCOME, BUDGET_LINE:7, CLUSTER:3, REGION:AFRICA. */
    private static String earmark(Earmark e) {
        return e == null || e.kind() == null ? "" : FundService.poolKey(e);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
