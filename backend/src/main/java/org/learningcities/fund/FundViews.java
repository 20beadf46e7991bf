package org.learningcities.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the fund's API takes and answers. Amounts are strings (see {@link Money}). */
public final class FundViews {

    private FundViews() {
    }

    public enum DonorType { CITY, GOVERNMENT, COMPANY, FOUNDATION, OTHER }

    public enum EarmarkKind { NONE, BUDGET_LINE, CLUSTER, REGION, LOW_INCOME }

    public enum MovementKind { PLEDGE, RECEIPT, ALLOCATION, EXPENDITURE, REFUND, INTEREST, BANK_CHARGE, REVERSAL }

    public record BudgetLineInput(String code, String name, String planned) {
    }

    public record FundInput(String code, String name, LocalDate startsOn, LocalDate endsOn, String target,
                            Long agentOrganisationId, String agentFeePercent, Boolean startFromStrategy,
                            List<BudgetLineInput> budgetLines) {
    }

    public record BudgetLineView(long id, String code, String name, String planned) {
    }

    public record FundView(long id, String code, String name, LocalDate startsOn, LocalDate endsOn, String baseCurrency,
                           String target, long agentOrganisationId, String agentFeePercent, List<BudgetLineView> budgetLines) {
    }

    public record DonorInput(Long memberId, Long organisationId, String donorType, Boolean anonymous, String username) {
    }

    public record DonorView(long id, Long memberId, Long organisationId, String name, String donorType, boolean anonymous,
                            String username) {
    }

    public record Earmark(String kind, Long budgetLineId, Long clusterId, String region) {
        public static final Earmark NONE = new Earmark("NONE", null, null, null);
    }

    public record PledgeInput(Long donorId, String amount, String currency, String exchangeRate, LocalDate date,
                              Earmark earmark, List<LocalDate> expectedPaymentDates, String description) {
    }

    public record ReceiptInput(Long donorId, Long pledgeId, String amount, String currency, String exchangeRate,
                               LocalDate valueDate, String bankReference, Earmark earmark, String description) {
    }

    public record AllocationInput(Long budgetLineId, Long activityId, String amount, LocalDate valueDate, Earmark source,
                                  String beneficiaryRegion, String beneficiaryIncomeGroup, String description) {
    }

    public record ExpenditureInput(Long allocationId, String amount, LocalDate valueDate, String description) {
    }

    /** A refund to a donor (from an earmark pool), interest earned or bank charges, all in USD. */
    public record CashInput(Long donorId, String amount, LocalDate valueDate, Earmark source, String bankReference,
                            String description) {
    }

    public record ReversalInput(LocalDate valueDate, String reason) {
    }

    public record Leg(String account, String side, String amountUsd, String amount, String currency) {
    }

    public record JournalEntryView(long id, long movementId, String kind, LocalDate valueDate, Long donorId,
                                   Long reversesEntryId, Long reversedByEntryId, String description, String postedBy,
                                   Instant postedAt, List<Leg> legs) {
    }

    public record MovementView(long id, long fundId, String kind, Long donorId, Long pledgeId, Long allocationId,
                               Long budgetLineId, Long activityId, String amount, String currency, String exchangeRate, String amountUsd,
                               LocalDate valueDate, Earmark earmark, String beneficiaryRegion, String beneficiaryIncomeGroup,
                               String incomeGroupEdition, String bankReference, List<LocalDate> expectedPaymentDates,
                               String description, JournalEntryView entry) {
    }

    public record AccountLine(String account, String debits, String credits, String balance) {
    }

    public record TrialBalance(long fundId, String currency, List<AccountLine> accounts, String totalDebits,
                               String totalCredits, boolean balanced) {
    }

    public record DonorTypeTotal(String donorType, String received) {
    }

    public record BudgetLineTotal(long budgetLineId, String code, String name, String planned, String allocated, String spent) {
    }

    public record FundSummary(long fundId, String code, String name, String currency, String target, String pledged,
                              String received, String outstandingPledges, String allocated, String spent, String available,
                              String percentOfTarget, String allocatedToAfrica, String shareToAfrica,
                              String allocatedToLowIncome, String shareToLowIncome, List<String> incomeGroupEditions,
                              List<DonorTypeTotal> receivedByDonorType, List<BudgetLineTotal> budgetLines) {
    }

    public record StatementPledge(long movementId, LocalDate date, String amount, String currency, String amountUsd,
                                  Earmark earmark, String received, String outstanding, boolean reversed) {
    }

    public record StatementReceipt(long movementId, LocalDate valueDate, Long pledgeId, String amount, String currency,
                                   String exchangeRate, String amountUsd, String bankReference, Earmark earmark,
                                   boolean reversed) {
    }

    /** What a movement would post (a dry run); see the contract's MovementPreview. */
    public record MovementPreview(boolean dryRun, String kind, Long donorId, LocalDate valueDate, String amount, String currency,
                                  String exchangeRate, String amountUsd, String description, Long reversesEntryId, List<Leg> legs) {
    }

    public record BudgetLineUse(long budgetLineId, String code, String name, String planned, String allocated, String spent,
                                String deliveryRate) {
    }

    public record AllocationUse(long allocationId, LocalDate valueDate, Long budgetLineId, Long activityId, String beneficiaryRegion,
                                String beneficiaryIncomeGroup, String description, String allocated, String spent,
                                String deliveryRate) {
    }

    public record FundUses(long fundId, String currency, List<BudgetLineUse> budgetLines, List<AllocationUse> allocations) {
    }

    public record StatementUse(long allocationId, LocalDate valueDate, Earmark pool, Long budgetLineId, String beneficiaryRegion,
                               String beneficiaryIncomeGroup, String share, String allocatedUsd, String spentUsd) {
    }

    /** Totals from balances; pledges, receipts and uses each one page ({@code page}, {@code size}) of their list. */
    public record DonorStatement(long fundId, DonorView donor, int page, int size, long pledgesTotal, long receiptsTotal,
                                 long usesTotal, List<StatementPledge> pledges, List<StatementReceipt> receipts,
                                 String totalReceivedUsd, List<StatementUse> uses, String attributionRule) {
    }
}
