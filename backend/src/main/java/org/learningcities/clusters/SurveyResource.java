package org.learningcities.clusters;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.learningcities.clusters.SurveyViews.AnswerInput;
import org.learningcities.clusters.SurveyViews.AnswerView;
import org.learningcities.clusters.SurveyViews.Results;
import org.learningcities.clusters.SurveyViews.SurveyInput;
import org.learningcities.clusters.SurveyViews.SurveyView;
import org.learningcities.common.Csv;
import org.learningcities.common.Idempotency;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;

/**
 * Surveys of member cities. Surveys and their results (totals only) are public; a city's answer
 * is read and written by its focal point or the secretariat; all answers, their CSV and the
 * import are the secretariat's.
 */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private static final String CSV = "text/csv";

    @Inject
    SurveyService surveys;

    @Inject
    SurveyCsv csv;

    @Inject
    Idempotency idempotency;

    @Context
    HttpHeaders headers;

    @GET
    public Page<SurveyView> list(@QueryParam("termId") Long termId, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        return surveys.list(termId, PageRequest.of(page, size, null, Map.of("opensOn", "opensOn"), "opensOn"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response create(@NotNull @Valid SurveyInput input) {
        SurveyView survey = surveys.create(input);
        return Response.created(URI.create("/api/surveys/" + survey.id())).entity(survey).tag(Versions.tag(survey.version())).build();
    }

    @GET
    @Path("/{surveyId}")
    public Response get(@PathParam("surveyId") long surveyId) {
        SurveyView survey = surveys.get(surveyId);
        return Response.ok(survey).tag(Versions.tag(survey.version())).build();
    }

    @PUT
    @Path("/{surveyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response update(@PathParam("surveyId") long surveyId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid SurveyInput input) {
        SurveyView survey = surveys.update(surveyId, ifMatch, input);
        return Response.ok(survey).tag(Versions.tag(survey.version())).build();
    }

    @GET
    @Path("/{surveyId}/results")
    public Results results(@PathParam("surveyId") long surveyId) {
        return surveys.results(surveyId);
    }

    @GET
    @Path("/{surveyId}/results")
    @Produces(CSV + ";qs=0.5")
    public Response resultsCsv(@PathParam("surveyId") long surveyId) {
        return Response.ok(csv.results(surveyId), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"survey-" + surveyId + "-results.csv\"").build();
    }

    @GET
    @Path("/{surveyId}/answers")
    @RolesAllowed(Roles.SECRETARIAT)
    public Page<AnswerView> answers(@PathParam("surveyId") long surveyId, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size) {
        return surveys.answers(surveyId, PageRequest.of(page, size, null, Map.of("country", "country"), "country"));
    }

    @GET
    @Path("/{surveyId}/answers")
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed(Roles.SECRETARIAT)
    public Response answersCsv(@PathParam("surveyId") long surveyId, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        return Response.ok(csv.answers(surveyId), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"survey-" + surveyId + "-answers.csv\"").build();
    }

    @POST
    @Path("/{surveyId}/answers/import")
    @Consumes(CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    public Response importAnswers(@PathParam("surveyId") long surveyId, @QueryParam("dryRun") String dryRunParam,
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey, byte[] body) {
        boolean dryRun = org.learningcities.common.QueryParams.flag("dryRun", dryRunParam);
        String text = Csv.decode(body, headers.getMediaType());
        return idempotency.execute(idempotencyKey, "survey-answer-import", surveyId + "\n" + dryRun + "\n" + text, () ->
                new Idempotency.Outcome(dryRun ? 200 : 201, csv.importAnswers(surveyId, text, dryRun), null));
    }

    @GET
    @Path("/{surveyId}/answers/{memberId}")
    @Authenticated
    public Response answer(@PathParam("surveyId") long surveyId, @PathParam("memberId") long memberId) {
        AnswerView answer = surveys.answer(surveyId, memberId);
        return Response.ok(answer).tag(Versions.tag(answer.version())).build();
    }

    @PUT
    @Path("/{surveyId}/answers/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Response answer(@PathParam("surveyId") long surveyId, @PathParam("memberId") long memberId,
                           @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AnswerInput input) {
        SurveyService.Written written = surveys.write(surveyId, memberId, ifMatch, input);
        return Response.status(written.created() ? 201 : 200).entity(written.answer())
                .tag(Versions.tag(written.answer().version())).build();
    }
}
