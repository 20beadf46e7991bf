package org.learningcities.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.QueryParams;
import org.learningcities.common.Roles;
import org.learningcities.reference.ReferenceViews.EditionView;
import org.learningcities.reference.ReferenceViews.ImportReport;

/** Editions of the World Bank income-group classification; the secretariat loads new ones as CSV. */
@Path("/api/reference/income-group-editions")
@Produces(MediaType.APPLICATION_JSON)
public class IncomeGroupEditionResource {

    @Inject
    IncomeGroupImport importer;

    @Inject
    Idempotency idempotency;

    @GET
    public Page<EditionView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("effectiveDate", "effectiveDate"), "-effectiveDate");
        String current = IncomeGroupEdition.current().map(e -> e.code).orElse(null);
        Map<String, Long> counts = new HashMap<>();
        IncomeGroupEdition.getEntityManager()
                .createQuery("select g.editionCode, count(g) from CountryIncomeGroup g group by g.editionCode", Object[].class)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        List<IncomeGroupEdition> editions = IncomeGroupEdition.<IncomeGroupEdition>find("order by effectiveDate desc, loadedAt desc")
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(editions.stream().map(e -> new EditionView(e.code, e.effectiveDate, e.source,
                counts.getOrDefault(e.code, 0L), e.code.equals(current), e.loadedAt)).toList(), paging, IncomeGroupEdition.count());
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importEdition(@QueryParam("code") @NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$") String code,
                                  @QueryParam("effectiveDate") @NotNull String effectiveDate,
                                  @QueryParam("source") @Size(max = 300) String source,
                                  @QueryParam("dryRun") String dryRunParam,
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  byte[] body, @Context HttpHeaders headers) {
        boolean dryRun = QueryParams.flag("dryRun", dryRunParam);
        String csv = Csv.decode(body, headers.getMediaType());
        LocalDate effective = QueryParams.date("effectiveDate", effectiveDate);
        String fingerprint = String.join("\n", code, effectiveDate, String.valueOf(source), String.valueOf(dryRun), csv);
        return idempotency.execute(idempotencyKey, "income-group-import", fingerprint, () -> {
            ImportReport report = importer.run(code, effective, source, csv, dryRun);
            return new Idempotency.Outcome(dryRun ? 200 : 201, report, null);
        });
    }
}
