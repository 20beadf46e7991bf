package org.learningcities.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.ClusterViews.OptionalText;
import org.learningcities.clusters.ReportViews.DueReport;
import org.learningcities.clusters.ReportViews.MemberProgress;
import org.learningcities.clusters.ReportViews.News;
import org.learningcities.clusters.ReportViews.NewsItemInput;
import org.learningcities.clusters.ReportViews.NewsItemView;
import org.learningcities.clusters.ReportViews.Outcome;
import org.learningcities.clusters.ReportViews.OutcomeInput;
import org.learningcities.clusters.ReportViews.ProgressInput;
import org.learningcities.clusters.ReportViews.ReportInput;
import org.learningcities.clusters.ReportViews.ReportView;
import org.learningcities.clusters.ReportViews.YearlyProgress;
import org.learningcities.common.Caller;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;

/**
 * Six-monthly cluster reports with their news items, the reports due, the newsletter's news, and
 * each member city's yearly progress and expected outcomes within a cluster.
 *
 * <p>The due-date rule: a term is cut into calendar half-years (January–June, July–December),
 * clipped to the term's first and last day; the report on each is due {@value #DAYS_TO_REPORT}
 * days after it ends — so the last one 30 days after the term ends.
 */
@ApplicationScoped
public class ReportService {

    static final int DAYS_TO_REPORT = 30;

    /** A half-year of a term, clipped to the term. */
    record Period(int year, int half, LocalDate start, LocalDate end) {
        LocalDate dueOn() {
            return end.plusDays(DAYS_TO_REPORT);
        }
    }

    @Inject
    Caller caller;

    @Inject
    ClusterService clusters;

    static List<Period> periods(ClusterTerm term) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = term.startsOn.withDayOfMonth(1).withMonth(term.startsOn.getMonthValue() <= 6 ? 1 : 7);
        while (!start.isAfter(term.endsOn)) {
            LocalDate end = start.plusMonths(6).minusDays(1);
            periods.add(new Period(start.getYear(), start.getMonthValue() == 1 ? 1 : 2,
                    start.isBefore(term.startsOn) ? term.startsOn : start, end.isAfter(term.endsOn) ? term.endsOn : end));
            start = start.plusMonths(6);
        }
        return periods;
    }

    static Period period(ClusterTerm term, int year, int half) {
        return periods(term).stream().filter(p -> p.year() == year && p.half() == half).findFirst()
                .orElseThrow(() -> ProblemException.validation("half", "the half-year " + year + "/" + half + " is not within the term "
                        + term.code + " (" + term.startsOn + " to " + term.endsOn + ")"));
    }

    // ---- reports

    public Page<ReportView> reports(long clusterId, long termId) {
        clusters.cluster(clusterId);
        ClusterTerm term = clusters.term(termId);
        boolean manager = caller.isSecretariat() || clusters.isCoordinatorOf(clusterId, termId);
        List<ClusterReport> reports = ClusterReport.list("clusterId = ?1 and termId = ?2 order by year, half", clusterId, termId);
        return Page.all(reports.stream().map(r -> view(r, term, manager)).toList());
    }

    @Transactional
    public ReportView submit(long clusterId, long termId, ReportInput input) {
        ClusterTerm term = managed(clusterId, termId);
        Period period = period(term, input.year(), input.half());
        if (ClusterReport.count("clusterId = ?1 and termId = ?2 and year = ?3 and half = ?4", clusterId, termId,
                period.year(), period.half()) > 0) {
            throw ProblemException.conflict("There is already a report on " + period.year() + "/" + period.half()
                    + " for this cluster; replace it with PUT.");
        }
        ClusterReport report = new ClusterReport();
        report.clusterId = clusterId;
        report.termId = termId;
        report.year = period.year();
        report.half = period.half();
        apply(report, input);
        return view(report, term, true);
    }

    @Transactional
    public ReportView update(long clusterId, long termId, long reportId, String ifMatch, ReportInput input) {
        ClusterTerm term = managed(clusterId, termId);
        ClusterReport report = ClusterReport.find("id = ?1 and clusterId = ?2 and termId = ?3", reportId, clusterId, termId).firstResult();
        if (report == null) {
            throw ProblemException.notFound("There is no report " + reportId + " of this cluster in this term.");
        }
        Versions.requireMatch(ifMatch, report.version, "Report " + reportId);
        if (report.year != input.year() || report.half != input.half()) {
            throw ProblemException.validation("half", "the report is on " + report.year + "/" + report.half + "; the period cannot change");
        }
        apply(report, input);
        return view(report, term, true);
    }

    /** Checks the caller manages the cluster in the term; locks the cluster row so two reports on one period cannot both pass. */
    private ClusterTerm managed(long clusterId, long termId) {
        if (Cluster.findById(clusterId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw ProblemException.notFound("There is no cluster " + clusterId + ".");
        }
        ClusterTerm term = clusters.term(termId);
        clusters.requireManager(clusterId, termId);
        return term;
    }

    private void apply(ClusterReport report, ReportInput input) {
        List<FieldError> errors = new ArrayList<>();
        List<Long> activityIds = SurveyService.list(input.activityIds());
        Set<Long> ofThisPlan = new HashSet<>(WorkPlanActivity.getEntityManager().createQuery(
                        "select a.id from WorkPlanActivity a, WorkPlan p where p.id = a.workPlanId and p.clusterId = :c and p.termId = :t",
                        Long.class)
                .setParameter("c", report.clusterId).setParameter("t", report.termId).getResultList());
        for (int i = 0; i < activityIds.size(); i++) {
            if (!ofThisPlan.contains(activityIds.get(i))) {
                errors.add(new FieldError("activityIds[" + i + "]", "is not an activity of this cluster's work plan in this term"));
            }
        }
        List<NewsItemInput> news = SurveyService.list(input.news());
        for (int i = 0; i < news.size(); i++) {
            if (!isWebLink(news.get(i).link())) {
                errors.add(new FieldError("news[" + i + "].link", "must be an http or https address"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        OptionalText summary = input.summary();
        report.summaryEn = summary == null ? null : Texts.blankToNull(summary.en());
        report.summaryFr = summary == null ? null : Texts.blankToNull(summary.fr());
        report.summaryEs = summary == null ? null : Texts.blankToNull(summary.es());
        if (!report.activityIds.equals(new java.util.TreeSet<>(activityIds))) {
            report.activityIds.clear();
            report.activityIds.addAll(activityIds);
        }
        report.submittedAt = Instant.now();
        report.submittedBy = caller.recordedBy();
        report.persistAndFlush();
        NewsItem.delete("reportId", report.id);
        for (int i = 0; i < news.size(); i++) {
            NewsItemInput in = news.get(i);
            NewsItem item = new NewsItem();
            item.reportId = report.id;
            item.clusterId = report.clusterId;
            item.position = i;
            item.titleEn = in.title().en().trim();
            item.titleFr = Texts.blankToNull(in.title().fr());
            item.titleEs = Texts.blankToNull(in.title().es());
            item.textEn = in.text().en().trim();
            item.textFr = Texts.blankToNull(in.text().fr());
            item.textEs = Texts.blankToNull(in.text().es());
            item.newsDate = in.date();
            item.link = Texts.blankToNull(in.link());
            item.published = in.published();
            item.persist();
        }
    }

    static boolean isWebLink(String link) {
        if (link == null || link.isBlank()) {
            return true;
        }
        try {
            URI uri = new URI(link.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static ReportView view(ClusterReport r, ClusterTerm term, boolean withUnpublished) {
        Period period = period(term, r.year, r.half);
        List<NewsItem> items = NewsItem.list("reportId = ?1 order by position", r.id);
        List<NewsItemView> news = items.stream().filter(n -> withUnpublished || n.published)
                .map(n -> new NewsItemView(n.id, new LocalizedText(n.titleEn, n.titleFr, n.titleEs),
                        new LocalizedText(n.textEn, n.textFr, n.textEs), n.newsDate, n.link, n.published)).toList();
        return new ReportView(r.id, r.clusterId, r.termId, r.year, r.half, period.start(), period.end(), period.dueOn(),
                new OptionalText(r.summaryEn, r.summaryFr, r.summaryEs), new ArrayList<>(r.activityIds), news, r.submittedAt,
                r.submittedBy, r.version);
    }

    // ---- due and overdue

    /** Reports not submitted for half-years ended by {@code on}: for every cluster running in a term (a work plan or a coordinator there). */
    public Page<DueReport> due(LocalDate on, Boolean overdueOnly, Long clusterId, PageRequest paging) {
        List<Object[]> running = ClusterReport.getEntityManager().createQuery(
                "select c, t from Cluster c, ClusterTerm t where exists (select p.id from WorkPlan p where p.clusterId = c.id and p.termId = t.id)"
                        + " or exists (select m.id from ClusterMembership m where m.clusterId = c.id and m.termId = t.id"
                        + " and m.coordinator = true and m.leftOn is null)", Object[].class).getResultList();
        Set<String> submitted = new HashSet<>();
        ClusterReport.getEntityManager().createQuery("select r.clusterId, r.termId, r.year, r.half from ClusterReport r", Object[].class)
                .getResultList().forEach(r -> submitted.add(r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3]));
        List<DueReport> due = new ArrayList<>();
        for (Object[] row : running) {
            Cluster cluster = (Cluster) row[0];
            ClusterTerm term = (ClusterTerm) row[1];
            if (clusterId != null && !clusterId.equals(cluster.id)) {
                continue;
            }
            for (Period p : periods(term)) {
                if (!p.end().isBefore(on) || submitted.contains(cluster.id + "/" + term.id + "/" + p.year() + "/" + p.half())) {
                    continue;
                }
                boolean overdue = on.isAfter(p.dueOn());
                if (overdueOnly != null && overdueOnly != overdue) {
                    continue;
                }
                due.add(new DueReport(cluster.id, new LocalizedText(cluster.nameEn, cluster.nameFr, cluster.nameEs), term.id, term.code,
                        p.year(), p.half(), p.start(), p.end(), p.dueOn(), overdue,
                        overdue ? (int) ChronoUnit.DAYS.between(p.dueOn(), on) : 0));
            }
        }
        due.sort(Comparator.comparing(DueReport::dueOn).thenComparing(d -> d.clusterName().en()).thenComparing(DueReport::clusterId));
        int from = Math.min(paging.offset(), due.size());
        return Page.of(due.subList(from, Math.min(due.size(), from + paging.size())), paging, due.size());
    }

    // ---- news

    public Page<News> news(LocalDate from, LocalDate to, Long clusterId, Language language, PageRequest paging) {
        StringBuilder where = new StringBuilder("published = true");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" and newsDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and newsDate <= :to");
            params.put("to", to);
        }
        if (clusterId != null) {
            where.append(" and clusterId = :cluster");
            params.put("cluster", clusterId);
        }
        long total = NewsItem.count(where.toString(), params);
        List<NewsItem> items = NewsItem.<NewsItem>find(where + " order by newsDate desc, id desc", params)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        Map<Long, Cluster> clustersById = new HashMap<>();
        return Page.of(items.stream().map(n -> {
            Cluster c = clustersById.computeIfAbsent(n.clusterId, id -> Cluster.findById(id));
            // Title and text in the same language: the asked one when the item has its title in it, else English.
            boolean translated = switch (language) {
                case FR -> n.titleFr != null;
                case ES -> n.titleEs != null;
                default -> false;
            };
            Language used = translated ? language : Language.EN;
            return new News(n.id, n.clusterId, language.pick(c.nameEn, c.nameFr, c.nameEs), n.reportId, n.newsDate,
                    used.pick(n.titleEn, n.titleFr, n.titleEs), used.pick(n.textEn, n.textFr, n.textEs), n.link, used.code());
        }).toList(), paging, total);
    }

    // ---- a member city's progress within a cluster

    public MemberProgress progress(long clusterId, long termId, long memberId) {
        participant(clusterId, termId, memberId);
        return progressView(clusterId, termId, memberId);
    }

    @Transactional
    public MemberProgress recordProgress(long clusterId, long termId, long memberId, int year, ProgressInput input) {
        ClusterTerm term = participant(clusterId, termId, memberId);
        clusters.requireManagerOrFocalPoint(clusterId, termId, memberId);
        if (year < term.startsOn.getYear() || year > term.endsOn.getYear()) {
            throw ProblemException.validation("year", "must be a year of the term " + term.code + " (" + term.startsOn.getYear()
                    + " to " + term.endsOn.getYear() + ")");
        }
        ClusterMemberProgress progress = ClusterMemberProgress.find("clusterId = ?1 and termId = ?2 and memberId = ?3 and year = ?4",
                clusterId, termId, memberId, year).firstResult();
        if (progress == null) {
            progress = new ClusterMemberProgress();
            progress.clusterId = clusterId;
            progress.termId = termId;
            progress.memberId = memberId;
            progress.year = year;
        }
        progress.text = input.text().trim();
        progress.recordedBy = caller.recordedBy();
        progress.recordedAt = Instant.now();
        progress.persistAndFlush();
        return progressView(clusterId, termId, memberId);
    }

    @Transactional
    public MemberProgress recordOutcome(long clusterId, long termId, long memberId, ClusterMemberOutcome.Kind kind, OutcomeInput input) {
        participant(clusterId, termId, memberId);
        clusters.requireManagerOrFocalPoint(clusterId, termId, memberId);
        if (!isWebLink(input.evidenceUrl())) {
            throw ProblemException.validation("evidenceUrl", "must be an http or https address");
        }
        ClusterMemberOutcome outcome = ClusterMemberOutcome.find("clusterId = ?1 and termId = ?2 and memberId = ?3 and kind = ?4",
                clusterId, termId, memberId, kind).firstResult();
        if (outcome == null) {
            outcome = new ClusterMemberOutcome();
            outcome.clusterId = clusterId;
            outcome.termId = termId;
            outcome.memberId = memberId;
            outcome.kind = kind;
        }
        outcome.status = input.status();
        outcome.evidenceUrl = Texts.blankToNull(input.evidenceUrl());
        outcome.updatedBy = caller.recordedBy();
        outcome.updatedAt = Instant.now();
        outcome.persistAndFlush();
        return progressView(clusterId, termId, memberId);
    }

    /** The term, once the city is known to be (or have been) a member of the cluster in it. */
    private ClusterTerm participant(long clusterId, long termId, long memberId) {
        clusters.cluster(clusterId);
        ClusterTerm term = clusters.term(termId);
        if (ClusterMembership.count("clusterId = ?1 and termId = ?2 and memberId = ?3", clusterId, termId, memberId) == 0) {
            throw ProblemException.notFound("City " + memberId + " is not a member of cluster " + clusterId + " in term " + term.code + ".");
        }
        return term;
    }

    private static MemberProgress progressView(long clusterId, long termId, long memberId) {
        List<YearlyProgress> yearly = ClusterMemberProgress.<ClusterMemberProgress>list(
                        "clusterId = ?1 and termId = ?2 and memberId = ?3 order by year", clusterId, termId, memberId).stream()
                .map(p -> new YearlyProgress(p.year, p.text, p.recordedBy, p.recordedAt)).toList();
        Map<ClusterMemberOutcome.Kind, ClusterMemberOutcome> stored = new HashMap<>();
        ClusterMemberOutcome.<ClusterMemberOutcome>list("clusterId = ?1 and termId = ?2 and memberId = ?3", clusterId, termId, memberId)
                .forEach(o -> stored.put(o.kind, o));
        List<Outcome> outcomes = new ArrayList<>();
        for (ClusterMemberOutcome.Kind kind : ClusterMemberOutcome.Kind.values()) {
            ClusterMemberOutcome o = stored.get(kind);
            outcomes.add(o == null ? new Outcome(kind, ClusterMemberOutcome.Status.NOT_STARTED, null, null)
                    : new Outcome(kind, o.status, o.evidenceUrl, o.updatedAt));
        }
        return new MemberProgress(clusterId, termId, memberId, yearly, outcomes);
    }
}
