package org.learningcities.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.learningcities.clusters.SurveyViews.AnswerInput;
import org.learningcities.clusters.SurveyViews.AnswerView;
import org.learningcities.clusters.SurveyViews.Questionnaire;
import org.learningcities.clusters.SurveyViews.Results;
import org.learningcities.common.Caller;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberImport;
import org.learningcities.reference.Topic;
import org.learningcities.reference.TopicGroup;

/**
 * Survey answers and results as CSV. The answers' export and import share one set of columns, so
 * an export imports back unchanged. The import follows the member import's rules: every bad row
 * reported with its line, nothing stored while there is one, an unchanged row changes nothing.
 */
@ApplicationScoped
public class SurveyCsv {

    static final List<String> COLUMNS = List.of("memberId", "externalId", "country", "city", "region", "primaryTopics",
            "willingToCoordinate", "coordinateTopics", "coordinateClusterIds", "hostExpertsMeeting", "hostExchangeActivities",
            "capacityBuildingWorkshop", "researchCaseStudies", "financialContribution", "other");
    private static final List<String> REQUIRED = List.of("primarytopics");
    private static final List<String> ITEMS = List.of("hostExpertsMeeting", "hostExchangeActivities", "capacityBuildingWorkshop",
            "researchCaseStudies", "financialContribution");

    @Inject
    SurveyService surveys;

    @Inject
    Validator validator;

    @Inject
    Caller caller;

    // ---- export

    String answers(long surveyId) {
        List<AnswerView> answers = surveys.allAnswers(surveyId);
        Map<Long, SurveyService.City> cities = SurveyService.cities(answers.stream().map(AnswerView::memberId).toList());
        List<List<String>> rows = new ArrayList<>();
        for (AnswerView a : answers) {
            Questionnaire q = a.questionnaire();
            rows.add(Arrays.asList(String.valueOf(a.memberId()), cities.get(a.memberId()).externalId(), a.country(), a.name(),
                    a.region().name(), join(a.primaryTopics()), String.valueOf(a.willingToCoordinate()), join(a.coordinateTopics()),
                    join(a.coordinateClusterIds()), String.valueOf(q.hostExpertsMeeting()), String.valueOf(q.hostExchangeActivities()),
                    String.valueOf(q.capacityBuildingWorkshop()), String.valueOf(q.researchCaseStudies()),
                    String.valueOf(q.financialContribution()), q.other()));
        }
        return Csv.write(COLUMNS, rows);
    }

    String results(long surveyId) {
        Results r = surveys.results(surveyId);
        Map<Integer, String> topicNames = new HashMap<>();
        Topic.<Topic>listAll().forEach(t -> topicNames.put(t.number, t.nameEn));
        Map<Integer, String> groupNames = new HashMap<>();
        TopicGroup.<TopicGroup>listAll().forEach(g -> groupNames.put(g.number, g.nameEn));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("summary", "respondents", "Respondents", r.respondents()));
        rows.add(row("summary", "countries", "Countries", r.countries()));
        rows.add(row("summary", "regionsCovered", "UNESCO regions covered", r.regionsCovered()));
        rows.add(row("summary", "willingToCoordinate", "Cities willing to coordinate a cluster", r.willingToCoordinate()));
        r.regions().forEach(x -> rows.add(row("region", x.region().name(), x.region().name(), x.respondents())));
        r.topics().forEach(x -> rows.add(row("topic", String.valueOf(x.topic()), topicNames.get(x.topic()), x.votes())));
        r.groups().forEach(x -> rows.add(row("groupVotes", String.valueOf(x.group()), groupNames.get(x.group()), x.votes())));
        r.groups().forEach(x -> rows.add(row("groupCities", String.valueOf(x.group()), groupNames.get(x.group()), x.cities())));
        r.topics().forEach(x -> rows.add(row("coordinateTopic", String.valueOf(x.topic()), topicNames.get(x.topic()),
                x.willingToCoordinate())));
        r.clusters().forEach(x -> rows.add(row("coordinateCluster", String.valueOf(x.clusterId()), x.name().en(),
                x.willingToCoordinate())));
        var q = r.questionnaire();
        rows.add(row("questionnaire", "hostExpertsMeeting", "Host a thematic experts' meeting", q.hostExpertsMeeting()));
        rows.add(row("questionnaire", "hostExchangeActivities", "Host small-scale exchange activities", q.hostExchangeActivities()));
        rows.add(row("questionnaire", "capacityBuildingWorkshop", "A capacity-building workshop", q.capacityBuildingWorkshop()));
        rows.add(row("questionnaire", "researchCaseStudies", "Research and case studies of best practice", q.researchCaseStudies()));
        rows.add(row("questionnaire", "financialContribution", "A financial contribution to the multi-donor fund",
                q.financialContribution()));
        rows.add(row("questionnaire", "other", "Other", q.other()));
        return Csv.write(List.of("section", "key", "label", "count"), rows);
    }

    private static List<String> row(String section, String key, String label, int count) {
        return List.of(section, key, label, String.valueOf(count));
    }

    private static String join(List<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    // ---- import

    private record Parsed(int line, long memberId, AnswerInput input) {
    }

    /** Runs in the caller's transaction: every row is stored, or (on any error) none. */
    MemberImport.Report importAnswers(long surveyId, String csv, boolean dryRun) {
        surveys.survey(surveyId);
        List<Csv.Row> rows = Csv.read(csv, REQUIRED);
        Map<Long, MemberCity> byId = new HashMap<>();
        Map<String, MemberCity> byExternalId = new HashMap<>();
        Map<String, MemberCity> byCountryAndName = new HashMap<>();
        for (MemberCity city : MemberCity.<MemberCity>listAll()) {
            byId.put(city.id, city);
            if (city.externalId != null) {
                byExternalId.put(city.externalId, city);
            }
            byCountryAndName.put(city.countryIso2 + "/" + city.name.toLowerCase(Locale.ROOT), city);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Csv.Row row : rows) {
            int before = errors.size();
            MemberCity city = city(row, byId, byExternalId, byCountryAndName, errors);
            AnswerInput input = input(row, errors);
            if (input != null) {
                for (ConstraintViolation<AnswerInput> v : validator.validate(input)) {
                    errors.add(new FieldError(v.getPropertyPath().toString().replaceAll("\\[.*$", "").replaceAll("<.*>", ""),
                            v.getMessage(), row.line()));
                }
                errors.addAll(SurveyService.problems(input, row.line()));
            }
            if (errors.size() == before && city != null && input != null) {
                if (!seen.add(city.id)) {
                    errors.add(new FieldError("city", "the same city appears twice in the file", row.line()));
                } else {
                    parsed.add(new Parsed(row.line(), city.id, input));
                }
            }
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "has no data rows", 2));
        }
        errors.sort(Comparator.comparing(FieldError::line).thenComparing(FieldError::field));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Runnable> writes = new ArrayList<>();
        for (Parsed p : parsed) {
            SurveyAnswer existing = SurveyService.find(surveyId, p.memberId());
            if (existing == null) {
                created++;
                writes.add(() -> {
                    SurveyAnswer answer = new SurveyAnswer();
                    answer.surveyId = surveyId;
                    answer.memberId = p.memberId();
                    SurveyService.apply(answer, p.input(), caller.recordedBy());
                    answer.persist();
                });
            } else if (SurveyService.same(existing, p.input())) {
                unchanged++;
            } else {
                updated++;
                writes.add(() -> SurveyService.apply(existing, p.input(), caller.recordedBy()));
            }
        }
        boolean ok = errors.isEmpty();
        MemberImport.Report report = new MemberImport.Report(dryRun, rows.size(), ok ? parsed.size() : 0, ok ? created : 0,
                ok ? updated : 0, ok ? unchanged : 0, errors, List.of());
        if (dryRun) {
            return report;
        }
        if (!ok) {
            throw ProblemException.validation(errors);
        }
        // The survey row is locked so two imports of the same survey do not both create one city's answer.
        Survey.findById(surveyId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        writes.forEach(Runnable::run);
        return report;
    }

    private static MemberCity city(Csv.Row row, Map<Long, MemberCity> byId, Map<String, MemberCity> byExternalId,
                                   Map<String, MemberCity> byCountryAndName, List<FieldError> errors) {
        String id = row.get("memberid");
        String externalId = row.get("externalid");
        String country = row.get("country").toUpperCase(Locale.ROOT);
        String name = row.get("city");
        if (!id.isEmpty()) {
            try {
                MemberCity city = byId.get(Long.parseLong(id));
                if (city == null) {
                    errors.add(new FieldError("memberId", "there is no member city " + id, row.line()));
                }
                return city;
            } catch (NumberFormatException e) {
                errors.add(new FieldError("memberId", "'" + id + "' is not a whole number", row.line()));
                return null;
            }
        }
        if (!externalId.isEmpty()) {
            MemberCity city = byExternalId.get(externalId);
            if (city == null) {
                errors.add(new FieldError("externalId", "no member city has the externalId " + externalId, row.line()));
            }
            return city;
        }
        if (country.isEmpty() || name.isEmpty()) {
            errors.add(new FieldError("city", "name the city by memberId, externalId, or country and city", row.line()));
            return null;
        }
        MemberCity city = byCountryAndName.get(country + "/" + name.toLowerCase(Locale.ROOT));
        if (city == null) {
            errors.add(new FieldError("city", "no member city " + name + " in " + country, row.line()));
        }
        return city;
    }

    private static AnswerInput input(Csv.Row row, List<FieldError> errors) {
        int before = errors.size();
        List<Integer> primary = numbers(row, "primaryTopics", errors).stream().map(Long::intValue).toList();
        Boolean willing = yesNo(row, "willingToCoordinate", errors);
        List<Integer> coordinateTopics = numbers(row, "coordinateTopics", errors).stream().map(Long::intValue).toList();
        List<Long> coordinateClusters = numbers(row, "coordinateClusterIds", errors);
        List<Boolean> items = ITEMS.stream().map(item -> yesNo(row, item, errors)).toList();
        if (errors.size() != before) {
            return null;
        }
        String other = row.get("other");
        return new AnswerInput(primary, willing, coordinateTopics, coordinateClusters,
                new Questionnaire(items.get(0), items.get(1), items.get(2), items.get(3), items.get(4), other.isEmpty() ? null : other));
    }

    private static List<Long> numbers(Csv.Row row, String column, List<FieldError> errors) {
        String text = row.get(column.toLowerCase(Locale.ROOT));
        List<Long> values = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                values.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(column, "'" + part.trim() + "' is not a number", row.line()));
            }
        }
        return values;
    }

    private static Boolean yesNo(Csv.Row row, String column, List<FieldError> errors) {
        String text = row.get(column.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes", "1", "y" -> {
                return true;
            }
            case "false", "no", "0", "n", "" -> {
                return false;
            }
            default -> {
                errors.add(new FieldError(column, "'" + text + "' is not true or false", row.line()));
                return false;
            }
        }
    }
}
