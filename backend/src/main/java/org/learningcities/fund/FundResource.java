package org.learningcities.fund;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.learningcities.common.Caller;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.fund.FundViews.*;

/**
 * The multi-donor fund: the fund manager and the secretariat record movements (each one balanced
 * journal entry, idempotent by {@code Idempotency-Key}); the public reads the summary.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class FundResource {

    static final String CSV = "text/csv";
    /** A statement's lists come in pages of 50 unless the client asks otherwise. */
    static final int STATEMENT_PAGE = 50;

    @Inject
    FundService fund;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    FundImport importer;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @POST
    @Path("/funds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response createFund(@NotNull FundInput input) {
        FundView created = fund.createFund(input);
        return Response.created(URI.create("/api/funds/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/funds")
    public Page<FundView> funds(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return fund.funds(PageRequest.of(page, size, null, java.util.Map.of("startsOn", "starts_on"), "startsOn"));
    }

    @GET
    @Path("/donors")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Page<DonorView> donors(@QueryParam("q") @Size(max = 100) String q, @QueryParam("donorType") String donorType,
                                  @QueryParam("username") @Size(max = 100) String username,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return fund.donors(q, donorType, username, PageRequest.of(page, size, null, java.util.Map.of("name", "name"), "name"));
    }

    @GET
    @Path("/me/donors")
    @Authenticated
    public Page<DonorView> myDonors() {
        return Page.all(fund.donorsOfCaller());
    }

    @GET
    @Path("/funds/{fundId}")
    public FundView getFund(@PathParam("fundId") long fundId) {
        return fund.fund(fundId);
    }

    @GET
    @Path("/funds/{fundId}/uses")
    public FundUses uses(@PathParam("fundId") long fundId) {
        return fund.uses(fundId);
    }

    @GET
    @Path("/funds/{fundId}/summary")
    public FundSummary summary(@PathParam("fundId") long fundId) {
        return fund.summary(fundId);
    }

    @POST
    @Path("/donors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response createDonor(@NotNull DonorInput input) {
        DonorView created = fund.createDonor(input);
        return Response.created(URI.create("/api/donors/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/funds/{fundId}/pledges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response pledge(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull PledgeInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-pledge", fundId, input, () -> fund.pledge(fundId, input));
    }

    @POST
    @Path("/funds/{fundId}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response receipt(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull ReceiptInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-receipt", fundId, input, () -> fund.receipt(fundId, input));
    }

    /** Receipts from a bank-statement CSV: all or nothing; a dry run posts them in a transaction it rolls back. */
    @POST
    @Path("/funds/{fundId}/receipts/import")
    @Consumes(CSV)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response importReceipts(@PathParam("fundId") long fundId, @QueryParam("dryRun") String dryRunParam,
                                   @HeaderParam(Idempotency.HEADER) String key, byte[] body) {
        return importCsv(fundId, dryRunParam, key, body, "fund-receipt-import", importer::receipts);
    }

    /** Pledges from a CSV file, the same way as receipts. */
    @POST
    @Path("/funds/{fundId}/pledges/import")
    @Consumes(CSV)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response importPledges(@PathParam("fundId") long fundId, @QueryParam("dryRun") String dryRunParam,
                                  @HeaderParam(Idempotency.HEADER) String key, byte[] body) {
        return importCsv(fundId, dryRunParam, key, body, "fund-pledge-import", importer::pledges);
    }

    @FunctionalInterface
    private interface CsvImport {
        FundImport.Report run(long fundId, String csv, boolean dryRun);
    }

    private Response importCsv(long fundId, String dryRunParam, String key, byte[] body, String operation, CsvImport work) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        String csv = Csv.decode(body, headers.getMediaType());
        if (dryRun) {
            return Response.ok(fund.rolledBack(() -> work.run(fundId, csv, true))).build();
        }
        return idempotency.execute(key, operation, fundId + "\n" + csv,
                () -> new Idempotency.Outcome(201, work.run(fundId, csv, false), null));
    }

    @POST
    @Path("/funds/{fundId}/allocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response allocation(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam,
                               @NotNull AllocationInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-allocation", fundId, input, () -> fund.allocation(fundId, input));
    }

    @POST
    @Path("/funds/{fundId}/expenditures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response expenditure(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam,
                                @NotNull ExpenditureInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-expenditure", fundId, input, () -> fund.expenditure(fundId, input));
    }

    @POST
    @Path("/funds/{fundId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response refund(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull CashInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-refund", fundId, input, () -> fund.cash(fundId, MovementKind.REFUND, input));
    }

    @POST
    @Path("/funds/{fundId}/interest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response interest(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull CashInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-interest", fundId, input, () -> fund.cash(fundId, MovementKind.INTEREST, input));
    }

    @POST
    @Path("/funds/{fundId}/bank-charges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response bankCharge(@PathParam("fundId") long fundId, @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull CashInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-bank-charge", fundId, input, () -> fund.cash(fundId, MovementKind.BANK_CHARGE, input));
    }

    @POST
    @Path("/funds/{fundId}/entries/{entryId}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response reversal(@PathParam("fundId") long fundId, @PathParam("entryId") long entryId,
                             @HeaderParam(Idempotency.HEADER) String key, @QueryParam("dryRun") String dryRunParam, @NotNull ReversalInput input) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        return move(key, dryRun, "fund-reversal", fundId, entryId + "\n" + fingerprint(input), () -> fund.reversal(fundId, entryId, input));
    }

    @GET
    @Path("/funds/{fundId}/movements/{movementId}")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public MovementView movement(@PathParam("fundId") long fundId, @PathParam("movementId") long movementId) {
        return fund.movement(fundId, movementId);
    }

    @GET
    @Path("/funds/{fundId}/journal")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Page<JournalEntryView> journal(@PathParam("fundId") long fundId, @QueryParam("kind") String kind,
                                          @QueryParam("donorId") Long donorId, @QueryParam("account") String account,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                          @QueryParam("sort") String sort) {
        if (account != null && account.length() > 80) {
            throw ProblemException.badRequest("account must be at most 80 characters.",
                    new org.learningcities.common.Problem.FieldError("account", "must be at most 80 characters"));
        }
        PageRequest paging = PageRequest.of(page, size, sort, FundService.JOURNAL_SORT, "id");
        return fund.journal(fundId, kind, donorId, account, from == null ? null : QueryParams.date("from", from),
                to == null ? null : QueryParams.date("to", to), paging);
    }

    /** Every matching entry (no paging), one CSV line per leg. */
    @GET
    @Path("/funds/{fundId}/journal")
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response journalCsv(@PathParam("fundId") long fundId, @QueryParam("kind") String kind,
                               @QueryParam("donorId") Long donorId, @QueryParam("account") String account,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                               @QueryParam("sort") String sort) {
        PageRequest all = PageRequest.of(1, 1, sort, FundService.JOURNAL_SORT, "id");
        all = new PageRequest(1, Integer.MAX_VALUE, all.sort());
        var entries = fund.journal(fundId, kind, donorId, account, from == null ? null : QueryParams.date("from", from),
                to == null ? null : QueryParams.date("to", to), all).items();
        return csv(FundCsv.journal(entries), "journal-" + fundId + ".csv");
    }

    @GET
    @Path("/funds/{fundId}/trial-balance")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public TrialBalance trialBalance(@PathParam("fundId") long fundId) {
        return fund.trialBalance(fundId);
    }

    @GET
    @Path("/funds/{fundId}/trial-balance")
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT})
    public Response trialBalanceCsv(@PathParam("fundId") long fundId) {
        return csv(FundCsv.trialBalance(fund.trialBalance(fundId)), "trial-balance-" + fundId + ".csv");
    }

    @GET
    @Path("/funds/{fundId}/donors/{donorId}/statement")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT, Roles.DONOR})
    public DonorStatement statement(@PathParam("fundId") long fundId, @PathParam("donorId") long donorId,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        requireOwnStatement(donorId);
        return fund.statement(fundId, donorId, PageRequest.of(page, size == null ? STATEMENT_PAGE : size, null,
                java.util.Map.of("valueDate", "value_date"), "valueDate"));
    }

    @GET
    @Path("/funds/{fundId}/donors/{donorId}/statement")
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed({Roles.FUND_MANAGER, Roles.SECRETARIAT, Roles.DONOR})
    public Response statementCsv(@PathParam("fundId") long fundId, @PathParam("donorId") long donorId,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        requireOwnStatement(donorId);
        // The export is the whole statement, every pledge, receipt and use, whatever page is asked for.
        return csv(FundCsv.statement(fund.statementInFull(fundId, donorId)),
                "statement-" + fundId + "-" + donorId + ".csv");
    }

    private void requireOwnStatement(long donorId) {
        if (!caller.hasRole(Roles.FUND_MANAGER) && !caller.isSecretariat()) {
            String owner = fund.donorUsername(donorId);
            if (owner == null || !owner.equals(caller.username())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "A donor reads only its own statements.", null);
            }
        }
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, CSV + ";charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private Response move(String key, boolean dryRun, String operation, long fundId, Object input, Supplier<MovementView> work) {
        if (dryRun) { // a preview writes nothing, so it neither claims nor replays the key
            return Response.ok(fund.preview(work)).build();
        }
        String print = input instanceof String text ? text : fingerprint(input);
        return idempotency.execute(key, operation, fundId + "\n" + print, () -> {
            MovementView movement = work.get();
            return new Idempotency.Outcome(201, movement, "/api/funds/" + fundId + "/movements/" + movement.id());
        });
    }

    private String fingerprint(Object input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
