package org.learningcities.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learningcities.clusters.ClusterService;
import org.learningcities.clusters.ClusterTerm;
import org.learningcities.clusters.ClusterViews.ClusterCity;
import org.learningcities.clusters.ClusterViews.ClusterView;
import org.learningcities.clusters.ReportService;
import org.learningcities.common.Language;
import org.learningcities.common.PageRequest;
import org.learningcities.fund.FundService;
import org.learningcities.fund.FundViews.FundSummary;
import org.learningcities.fund.FundViews.FundView;
import org.learningcities.home.HomeViews.Coordinator;
import org.learningcities.home.HomeViews.NetworkStats;
import org.learningcities.home.HomeViews.RegionCount;
import org.learningcities.home.HomeViews.StatsCluster;
import org.learningcities.home.HomeViews.StatsFund;
import org.learningcities.home.HomeViews.TermRef;
import org.learningcities.home.HomeViews.YearCount;
import org.learningcities.reference.UnescoRegion;
import org.learningcities.toolkits.ResourceService;

/**
 * The network at a glance. Every figure comes from a grouped count over an index (V12) or from the
 * ledger's balances through the fund's own summary; news and resources through their areas' lists.
 * The answer is kept per language for {@link #MAX_AGE}: a home page is read far more often than
 * the network changes, and a minute-old figure is still right enough for the public.
 */
@ApplicationScoped
public class StatsService {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int LATEST = 5;

    private record Cached(NetworkStats stats, Instant until) {
    }

    private final Map<Language, Cached> cache = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    @Inject
    EntityManager em;

    @Inject
    ClusterService clusters;

    @Inject
    ReportService reports;

    @Inject
    FundService funds;

    @Inject
    ResourceService resources;

    public NetworkStats stats(Language language) {
        Instant now = clock.instant();
        Cached cached = cache.get(language);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.stats();
        }
        NetworkStats fresh = compute(language, now);
        cache.put(language, new Cached(fresh, now.plus(MAX_AGE)));
        return fresh;
    }

    /** Forgets what was kept (tests that change data and compare at once). */
    public void forget() {
        cache.clear();
    }

    NetworkStats compute(Language language, Instant now) {
        Map<String, Long> perRegion = new HashMap<>();
        long members = 0;
        for (Object[] r : rows("SELECT c.unesco_region, COUNT(*) FROM member_city m JOIN country c ON c.iso2 = m.country_iso2"
                + " WHERE m.status = 'MEMBER' GROUP BY c.unesco_region")) {
            long n = ((Number) r[1]).longValue();
            members += n;
            if (r[0] != null) {
                perRegion.put((String) r[0], n);
            }
        }
        long countries = ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT country_iso2) FROM member_city WHERE status = 'MEMBER'")
                .getSingleResult()).longValue();
        List<RegionCount> byRegion = UnescoRegion.<UnescoRegion>list("order by sortOrder").stream()
                .map(r -> new RegionCount(UnescoRegion.Code.valueOf(r.code), r.name(language), perRegion.getOrDefault(r.code, 0L)))
                .toList();
        List<YearCount> perYear = rows("SELECT year_joined, COUNT(*) FROM member_city WHERE status = 'MEMBER'"
                + " GROUP BY year_joined ORDER BY year_joined").stream()
                .map(r -> new YearCount(((Number) r[0]).intValue(), ((Number) r[1]).longValue())).toList();

        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        ClusterTerm term = ClusterTerm.<ClusterTerm>find("startsOn <= ?1 order by startsOn desc, id desc", today).firstResult();
        List<StatsCluster> termClusters = term == null ? List.of() : clustersOf(term, language);

        List<FundView> newest = funds.funds(new PageRequest(1, 1, List.of())).items();
        StatsFund fund = null;
        FundSummary s = null;
        if (!newest.isEmpty()) {
            try {
                s = funds.summary(newest.get(0).id());
            } catch (RuntimeException e) {
                // The fund's own summary failed (seen once on a test fund: an NPE in FundService.summary); the rest
                // of the home page still shows, without the fund widget, and the failure is logged.
                org.jboss.logging.Logger.getLogger(StatsService.class).error("The newest fund's summary failed", e);
            }
        }
        if (s != null) {
            fund = new StatsFund(s.fundId(), s.code(), s.name(), s.target(), s.received(), s.percentOfTarget(), s.allocated(),
                    s.allocatedToAfrica(), s.shareToAfrica(), s.allocatedToLowIncome(), s.shareToLowIncome());
        }
        var news = reports.news(null, null, null, language, new PageRequest(1, LATEST, List.of())).items();
        var newestResources = resources.list(new ResourceService.ListFilter(null, null, null, null),
                new PageRequest(1, LATEST, List.of()), List.of(language.code())).items();
        return new NetworkStats(now, members, countries, perRegion.size(), byRegion, perYear,
                term == null ? null : new TermRef(term.id, term.code, term.startsOn, term.endsOn), termClusters, fund, news,
                newestResources);
    }

    /** The clusters with a work plan or a city in the term, with their coordinators and how many cities take part now. */
    private List<StatsCluster> clustersOf(ClusterTerm term, Language language) {
        Map<Integer, String> topicNames = new HashMap<>();
        org.learningcities.reference.Topic.<org.learningcities.reference.Topic>listAll()
                .forEach(t -> topicNames.put(t.number, t.name(language)));
        List<StatsCluster> out = new ArrayList<>();
        for (Object id : em.createNativeQuery("SELECT c.id FROM cluster c WHERE EXISTS (SELECT 1 FROM work_plan p"
                + " WHERE p.cluster_id = c.id AND p.term_id = ?1) OR EXISTS (SELECT 1 FROM cluster_membership m"
                + " WHERE m.cluster_id = c.id AND m.term_id = ?1)").setParameter(1, term.id).getResultList()) {
            long clusterId = ((Number) id).longValue();
            ClusterView cluster = clusters.get(clusterId);
            List<ClusterCity> cities = clusters.members(clusterId, term.id);
            List<Coordinator> coordinators = cities.stream().filter(c -> c.coordinator() && c.leftOn() == null)
                    .map(c -> new Coordinator(c.memberId(), c.name(), c.country())).toList();
            long taking = cities.stream().filter(c -> c.leftOn() == null).count();
            out.add(new StatsCluster(clusterId, language.pick(cluster.name().en(), cluster.name().fr(), cluster.name().es()),
                    cluster.topics().stream().map(n -> new HomeViews.TopicName(n, topicNames.getOrDefault(n, String.valueOf(n)))).toList(),
                    coordinators, taking));
        }
        out.sort(java.util.Comparator.comparing(StatsCluster::name, java.text.Collator.getInstance(java.util.Locale.forLanguageTag(language.code())))
                .thenComparing(StatsCluster::id));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
