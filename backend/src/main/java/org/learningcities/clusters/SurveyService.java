package org.learningcities.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.SurveyViews.AnswerInput;
import org.learningcities.clusters.SurveyViews.AnswerView;
import org.learningcities.clusters.SurveyViews.Candidate;
import org.learningcities.clusters.SurveyViews.ClusterCount;
import org.learningcities.clusters.SurveyViews.GroupCount;
import org.learningcities.clusters.SurveyViews.Questionnaire;
import org.learningcities.clusters.SurveyViews.QuestionnaireCounts;
import org.learningcities.clusters.SurveyViews.RegionCount;
import org.learningcities.clusters.SurveyViews.Results;
import org.learningcities.clusters.SurveyViews.SurveyInput;
import org.learningcities.clusters.SurveyViews.SurveyView;
import org.learningcities.clusters.SurveyViews.TopicCount;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberService;
import org.learningcities.reference.Topic;
import org.learningcities.reference.UnescoRegion;

/**
 * Surveys of member cities and their answers: one answer per city (the unique key and a lock on
 * the city row), written while the survey is open by the city's focal point or the secretariat;
 * results counted the way the strategy reports them; candidates for coordinator appointment.
 */
@ApplicationScoped
public class SurveyService {

    /** What the answers and their CSV need to know about a city. */
    record City(long id, String externalId, String name, String country, UnescoRegion.Code region) {
    }

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    ClusterService clusters;

    // ---- surveys

    public Page<SurveyView> list(Long termId, PageRequest paging) {
        String where = termId == null ? "" : "termId = ?1 ";
        Object[] params = termId == null ? new Object[0] : new Object[] {termId};
        long total = Survey.count(where, params);
        List<Survey> surveys = Survey.<Survey>find(where + "order by opensOn desc, id desc", params)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(surveys.stream().map(SurveyService::view).toList(), paging, total);
    }

    public SurveyView get(long id) {
        return view(survey(id));
    }

    @Transactional
    public SurveyView create(SurveyInput input) {
        Survey survey = new Survey();
        clusters.term(input.termId());
        survey.termId = input.termId();
        apply(survey, input);
        survey.persistAndFlush();
        return view(survey);
    }

    @Transactional
    public SurveyView update(long id, String ifMatch, SurveyInput input) {
        Survey survey = survey(id);
        Versions.requireMatch(ifMatch, survey.version, "Survey " + id);
        if (survey.termId != input.termId()) {
            throw ProblemException.validation("termId", "cannot change (the survey belongs to term " + survey.termId + ")");
        }
        apply(survey, input);
        survey.persistAndFlush();
        return view(survey);
    }

    private static void apply(Survey survey, SurveyInput input) {
        if (input.closesOn().isBefore(input.opensOn())) {
            throw ProblemException.validation("closesOn", "must not be before opensOn");
        }
        survey.titleEn = input.title().en().trim();
        survey.titleFr = Texts.blankToNull(input.title().fr());
        survey.titleEs = Texts.blankToNull(input.title().es());
        survey.opensOn = input.opensOn();
        survey.closesOn = input.closesOn();
    }

    public Survey survey(long id) {
        Survey survey = Survey.findById(id);
        if (survey == null) {
            throw ProblemException.notFound("There is no survey " + id + ".");
        }
        return survey;
    }

    static SurveyView view(Survey s) {
        return new SurveyView(s.id, s.termId, new LocalizedText(s.titleEn, s.titleFr, s.titleEs), s.opensOn, s.closesOn,
                s.status(LocalDate.now()), s.version);
    }

    // ---- answers

    public Page<AnswerView> answers(long surveyId, PageRequest paging) {
        survey(surveyId);
        List<AnswerView> all = views(SurveyAnswer.list("surveyId", surveyId));
        int from = Math.min(paging.offset(), all.size());
        return Page.of(all.subList(from, Math.min(all.size(), from + paging.size())), paging, all.size());
    }

    /** Every answer of the survey, by country and city name. */
    List<AnswerView> allAnswers(long surveyId) {
        survey(surveyId);
        return views(SurveyAnswer.list("surveyId", surveyId));
    }

    public AnswerView answer(long surveyId, long memberId) {
        survey(surveyId);
        members.requireSecretariatOrFocalPointOf(memberId);
        SurveyAnswer answer = find(surveyId, memberId);
        if (answer == null) {
            throw ProblemException.notFound("City " + memberId + " has not answered survey " + surveyId + ".");
        }
        return views(List.of(answer)).get(0);
    }

    /** The answer written, and whether it is new. */
    public record Written(AnswerView answer, boolean created) {
    }

    @Transactional
    public Written write(long surveyId, long memberId, String ifMatch, AnswerInput input) {
        Survey survey = survey(surveyId);
        if (MemberCity.findById(memberId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("There is no member city " + memberId + ".");
        }
        members.requireSecretariatOrFocalPointOf(memberId);
        Survey.Status status = survey.status(LocalDate.now());
        if (status != Survey.Status.OPEN) {
            throw new ProblemException(409, "survey-closed", "The survey is not open",
                    "Survey " + surveyId + " takes answers from " + survey.opensOn + " to " + survey.closesOn + " (it is "
                            + status.name().toLowerCase(java.util.Locale.ROOT) + "); nothing was changed.", null);
        }
        List<FieldError> errors = problems(input, null);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        SurveyAnswer answer = find(surveyId, memberId);
        boolean created = answer == null;
        if (created) {
            answer = new SurveyAnswer();
            answer.surveyId = surveyId;
            answer.memberId = memberId;
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            Versions.requireMatch(ifMatch, answer.version, "The answer of city " + memberId);
        }
        apply(answer, input, caller.recordedBy());
        answer.persistAndFlush();
        return new Written(views(List.of(answer)).get(0), created);
    }

    static SurveyAnswer find(long surveyId, long memberId) {
        return SurveyAnswer.find("surveyId = ?1 and memberId = ?2", surveyId, memberId).firstResult();
    }

    /** What is wrong with an answer beyond its shape; {@code line} set for CSV rows. */
    static List<FieldError> problems(AnswerInput input, Integer line) {
        List<FieldError> errors = new ArrayList<>();
        if (!input.willingToCoordinate() && (!list(input.coordinateTopics()).isEmpty() || !list(input.coordinateClusterIds()).isEmpty())) {
            errors.add(new FieldError("willingToCoordinate", "must be true when topics or clusters to coordinate are named", line));
        }
        if (new HashSet<>(input.primaryTopics()).size() != input.primaryTopics().size()) {
            errors.add(new FieldError("primaryTopics", "names a topic twice", line));
        }
        for (Long clusterId : list(input.coordinateClusterIds())) {
            if (clusterId != null && Cluster.findById(clusterId) == null) {
                errors.add(new FieldError("coordinateClusterIds", "there is no cluster " + clusterId, line));
            }
        }
        return errors;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    static void apply(SurveyAnswer answer, AnswerInput input, String recordedBy) {
        replace(answer.primaryTopics, input.primaryTopics());
        answer.willingToCoordinate = input.willingToCoordinate();
        replace(answer.coordinateTopics, list(input.coordinateTopics()));
        replace(answer.coordinateClusterIds, list(input.coordinateClusterIds()));
        Questionnaire q = input.questionnaire();
        answer.hostExpertsMeeting = q.hostExpertsMeeting();
        answer.hostExchangeActivities = q.hostExchangeActivities();
        answer.capacityBuildingWorkshop = q.capacityBuildingWorkshop();
        answer.researchCaseStudies = q.researchCaseStudies();
        answer.financialContribution = q.financialContribution();
        answer.otherContribution = Texts.blankToNull(q.other());
        Instant now = Instant.now();
        if (answer.answeredAt == null) {
            answer.answeredAt = now;
        }
        answer.updatedAt = now;
        answer.recordedBy = recordedBy;
    }

    /** Replaces a collection's content only when it differs, so an unchanged answer writes nothing. */
    private static <T> void replace(Set<T> target, Collection<T> values) {
        Set<T> wanted = new TreeSet<>(values);
        if (!wanted.equals(target)) {
            target.clear();
            target.addAll(wanted);
        }
    }

    static boolean same(SurveyAnswer answer, AnswerInput input) {
        Questionnaire q = input.questionnaire();
        return answer.primaryTopics.equals(new TreeSet<>(input.primaryTopics()))
                && answer.willingToCoordinate == input.willingToCoordinate()
                && answer.coordinateTopics.equals(new TreeSet<>(list(input.coordinateTopics())))
                && answer.coordinateClusterIds.equals(new TreeSet<>(list(input.coordinateClusterIds())))
                && answer.hostExpertsMeeting == q.hostExpertsMeeting() && answer.hostExchangeActivities == q.hostExchangeActivities()
                && answer.capacityBuildingWorkshop == q.capacityBuildingWorkshop()
                && answer.researchCaseStudies == q.researchCaseStudies()
                && answer.financialContribution == q.financialContribution()
                && java.util.Objects.equals(answer.otherContribution, Texts.blankToNull(q.other()));
    }

    static Questionnaire questionnaire(SurveyAnswer a) {
        return new Questionnaire(a.hostExpertsMeeting, a.hostExchangeActivities, a.capacityBuildingWorkshop,
                a.researchCaseStudies, a.financialContribution, a.otherContribution);
    }

    /** Answers with their cities, by country and city name. */
    private static List<AnswerView> views(List<SurveyAnswer> answers) {
        Map<Long, City> cities = cities(answers.stream().map(a -> a.memberId).toList());
        return answers.stream()
                .sorted(Comparator.comparing((SurveyAnswer a) -> cities.get(a.memberId).country())
                        .thenComparing(a -> cities.get(a.memberId).name()).thenComparing(a -> a.memberId))
                .map(a -> {
                    City c = cities.get(a.memberId);
                    return new AnswerView(a.surveyId, a.memberId, c.name(), c.country(), c.region(),
                            new ArrayList<>(a.primaryTopics), a.willingToCoordinate, new ArrayList<>(a.coordinateTopics),
                            new ArrayList<>(a.coordinateClusterIds), questionnaire(a), a.answeredAt, a.updatedAt,
                            a.recordedBy, a.version);
                }).toList();
    }

    static Map<Long, City> cities(Collection<Long> ids) {
        Map<Long, City> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        List<Long> all = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            MemberCity.getEntityManager().createQuery(
                            "select c.id, c.externalId, c.name, c.countryIso2, co.unescoRegion from MemberCity c, Country co"
                                    + " where co.iso2 = c.countryIso2 and c.id in :ids", Object[].class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000))).getResultList()
                    .forEach(r -> byId.put((Long) r[0], new City((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                            UnescoRegion.Code.valueOf((String) r[4]))));
        }
        return byId;
    }

    // ---- results

    public Results results(long surveyId) {
        survey(surveyId);
        List<SurveyAnswer> answers = SurveyAnswer.list("surveyId", surveyId);
        Map<Long, City> cities = cities(answers.stream().map(a -> a.memberId).toList());
        Map<UnescoRegion.Code, Integer> regions = new EnumMap<>(UnescoRegion.Code.class);
        for (UnescoRegion.Code code : UnescoRegion.Code.values()) {
            regions.put(code, 0);
        }
        Set<String> countries = new HashSet<>();
        List<Topic> topics = Topic.list("order by number");
        Map<Integer, Integer> topicGroup = new HashMap<>();
        topics.forEach(t -> topicGroup.put(t.number, t.groupNumber));
        int[] votes = new int[13];
        int[] volunteers = new int[13];
        Map<Integer, int[]> groups = new java.util.TreeMap<>();
        topics.forEach(t -> groups.putIfAbsent(t.groupNumber, new int[2]));
        int willing = 0;
        int[] items = new int[6];
        for (SurveyAnswer a : answers) {
            City city = cities.get(a.memberId);
            regions.merge(city.region(), 1, Integer::sum);
            countries.add(city.country());
            Set<Integer> groupsChosen = new HashSet<>();
            for (int topic : a.primaryTopics) {
                votes[topic]++;
                groups.get(topicGroup.get(topic))[0]++;
                groupsChosen.add(topicGroup.get(topic));
            }
            groupsChosen.forEach(g -> groups.get(g)[1]++);
            if (a.willingToCoordinate) {
                willing++;
                a.coordinateTopics.forEach(t -> volunteers[t]++);
            }
            items[0] += a.hostExpertsMeeting ? 1 : 0;
            items[1] += a.hostExchangeActivities ? 1 : 0;
            items[2] += a.capacityBuildingWorkshop ? 1 : 0;
            items[3] += a.researchCaseStudies ? 1 : 0;
            items[4] += a.financialContribution ? 1 : 0;
            items[5] += a.otherContribution != null ? 1 : 0;
        }
        List<ClusterCount> clusterCounts = new ArrayList<>();
        for (Cluster cluster : Cluster.<Cluster>list("order by nameEn, id")) {
            int count = (int) answers.stream().filter(a -> a.willingToCoordinate && names(a, cluster)).count();
            clusterCounts.add(new ClusterCount(cluster.id, new LocalizedText(cluster.nameEn, cluster.nameFr, cluster.nameEs), count));
        }
        return new Results(surveyId, answers.size(), countries.size(),
                (int) regions.values().stream().filter(n -> n > 0).count(),
                regions.entrySet().stream().map(e -> new RegionCount(e.getKey(), e.getValue())).toList(),
                topics.stream().map(t -> new TopicCount(t.number, t.groupNumber, votes[t.number], volunteers[t.number])).toList(),
                groups.entrySet().stream().map(e -> new GroupCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                willing, clusterCounts, new QuestionnaireCounts(items[0], items[1], items[2], items[3], items[4], items[5]));
    }

    /** The answer names the cluster, or one of its topics, to coordinate. */
    private static boolean names(SurveyAnswer a, Cluster cluster) {
        return a.coordinateClusterIds.contains(cluster.id) || a.coordinateTopics.stream().anyMatch(cluster.topics::contains);
    }

    // ---- candidates for coordinator appointment

    public Page<Candidate> candidates(long clusterId, long termId) {
        Cluster cluster = clusters.cluster(clusterId);
        ClusterTerm term = clusters.term(termId);
        // A city's latest survey of the term counts.
        Map<Long, SurveyAnswer> latest = new LinkedHashMap<>();
        for (Survey survey : Survey.<Survey>list("termId = ?1 order by opensOn desc, id desc", termId)) {
            for (SurveyAnswer a : SurveyAnswer.<SurveyAnswer>list("surveyId", survey.id)) {
                latest.putIfAbsent(a.memberId, a);
            }
        }
        List<SurveyAnswer> willing = latest.values().stream().filter(a -> a.willingToCoordinate
                && (names(a, cluster) || a.coordinateTopics.isEmpty() && a.coordinateClusterIds.isEmpty())).toList();
        Map<Long, City> cities = cities(willing.stream().map(a -> a.memberId).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (SurveyAnswer a : willing) {
            City city = cities.get(a.memberId);
            List<Object[]> elsewhere = ClusterService.overlapping(a.memberId, term, clusterId, termId, true);
            candidates.add(new Candidate(a.memberId, city.name(), city.country(), city.region(), a.surveyId, names(a, cluster),
                    new ArrayList<>(a.primaryTopics), new ArrayList<>(a.coordinateTopics), new ArrayList<>(a.coordinateClusterIds),
                    questionnaire(a), elsewhere.isEmpty() ? null : ((Cluster) elsewhere.get(0)[0]).nameEn));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.namedThisCluster()).thenComparing(Candidate::region)
                .thenComparing(Candidate::name).thenComparing(Candidate::memberId));
        return Page.all(candidates);
    }
}
