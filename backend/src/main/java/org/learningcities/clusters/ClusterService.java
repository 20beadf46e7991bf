package org.learningcities.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningcities.clusters.ClusterViews.ClusterCity;
import org.learningcities.clusters.ClusterViews.ClusterInput;
import org.learningcities.clusters.ClusterViews.ClusterView;
import org.learningcities.clusters.ClusterViews.CoordinatorInput;
import org.learningcities.clusters.ClusterViews.JoinInput;
import org.learningcities.clusters.ClusterViews.LeaveInput;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.ClusterViews.OptionalText;
import org.learningcities.clusters.ClusterViews.RegionCount;
import org.learningcities.clusters.ClusterViews.RegionalBalance;
import org.learningcities.clusters.ClusterViews.TermInput;
import org.learningcities.clusters.ClusterViews.TermView;
import org.learningcities.common.Texts;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberService;
import org.learningcities.members.Organisation;
import org.learningcities.reference.UnescoRegion;

/**
 * Terms, clusters, and who takes part in them. The rules: two coordinators per cluster and term;
 * a city coordinates one cluster at a time; a city is in at most three clusters at a time.
 * Rule checks lock the cluster row (coordinators) and then the member city row (its clusters),
 * always in that order, so two requests cannot both pass a check the other breaks.
 */
@ApplicationScoped
public class ClusterService {

    static final int COORDINATORS_PER_CLUSTER = 2;
    static final int CLUSTERS_PER_CITY = 3;

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    // ---- terms

    public Page<TermView> terms(PageRequest paging) {
        long total = ClusterTerm.count();
        List<ClusterTerm> terms = ClusterTerm.<ClusterTerm>find("order by startsOn desc, id desc")
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(terms.stream().map(ClusterService::termView).toList(), paging, total);
    }

    @Transactional
    public TermView createTerm(TermInput input) {
        if (!input.endsOn().isAfter(input.startsOn())) {
            throw ProblemException.validation("endsOn", "must be after startsOn");
        }
        String code = input.code().trim();
        if (ClusterTerm.count("code", code) > 0) {
            throw ProblemException.conflict("There is already a term " + code + ".");
        }
        ClusterTerm term = new ClusterTerm();
        term.code = code;
        term.startsOn = input.startsOn();
        term.endsOn = input.endsOn();
        term.persistAndFlush();
        return termView(term);
    }

    public ClusterTerm term(long id) {
        ClusterTerm term = ClusterTerm.findById(id);
        if (term == null) {
            throw ProblemException.notFound("There is no cluster term " + id + ".");
        }
        return term;
    }

    static TermView termView(ClusterTerm term) {
        return new TermView(term.id, term.code, term.startsOn, term.endsOn);
    }

    // ---- clusters

    public Page<ClusterView> clusters(PageRequest paging) {
        long total = Cluster.count();
        List<Cluster> clusters = Cluster.<Cluster>find("order by nameEn, id")
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(clusters.stream().map(ClusterService::clusterView).toList(), paging, total);
    }

    public ClusterView get(long id) {
        return clusterView(cluster(id));
    }

    @Transactional
    public ClusterView create(ClusterInput input) {
        Cluster cluster = new Cluster();
        apply(cluster, input);
        cluster.persistAndFlush();
        return clusterView(cluster);
    }

    @Transactional
    public ClusterView update(long id, String ifMatch, ClusterInput input) {
        Cluster cluster = cluster(id);
        Versions.requireMatch(ifMatch, cluster.version, "Cluster " + id);
        apply(cluster, input);
        cluster.persistAndFlush();
        return clusterView(cluster);
    }

    public Cluster cluster(long id) {
        Cluster cluster = Cluster.findById(id);
        if (cluster == null) {
            throw ProblemException.notFound("There is no cluster " + id + ".");
        }
        return cluster;
    }

    private void apply(Cluster cluster, ClusterInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Long> partners = input.partnerOrganisationIds() == null ? List.of() : input.partnerOrganisationIds();
        for (int i = 0; i < partners.size(); i++) {
            if (Organisation.findById(partners.get(i)) == null) {
                errors.add(new Problem.FieldError("partnerOrganisationIds[" + i + "]", "no such organisation"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String name = input.name().en().trim();
        long self = cluster.id == null ? -1L : cluster.id;
        if (Cluster.count("nameEn = ?1 and id <> ?2", name, self) > 0) {
            throw ProblemException.conflict("There is already a cluster named " + name + ".");
        }
        cluster.nameEn = name;
        cluster.nameFr = Texts.blankToNull(input.name().fr());
        cluster.nameEs = Texts.blankToNull(input.name().es());
        OptionalText description = input.description();
        cluster.descriptionEn = description == null ? null : Texts.blankToNull(description.en());
        cluster.descriptionFr = description == null ? null : Texts.blankToNull(description.fr());
        cluster.descriptionEs = description == null ? null : Texts.blankToNull(description.es());
        cluster.status = input.status();
        Set<Integer> topics = new java.util.TreeSet<>(input.topics());
        if (!topics.equals(cluster.topics)) {
            cluster.topics.clear();
            cluster.topics.addAll(topics);
        }
        Set<Long> partnerSet = new java.util.TreeSet<>(partners);
        if (!partnerSet.equals(cluster.partnerOrganisationIds)) {
            cluster.partnerOrganisationIds.clear();
            cluster.partnerOrganisationIds.addAll(partnerSet);
        }
    }

    static ClusterView clusterView(Cluster cluster) {
        return new ClusterView(cluster.id, new LocalizedText(cluster.nameEn, cluster.nameFr, cluster.nameEs),
                new OptionalText(cluster.descriptionEn, cluster.descriptionFr, cluster.descriptionEs),
                new ArrayList<>(cluster.topics), new ArrayList<>(cluster.partnerOrganisationIds), cluster.status,
                cluster.version);
    }

    // ---- coordinators

    public List<ClusterCity> coordinators(long clusterId, long termId) {
        cluster(clusterId);
        term(termId);
        return cities(ClusterMembership.list("clusterId = ?1 and termId = ?2 and coordinator = true and leftOn is null order by joinedOn, id",
                clusterId, termId));
    }

    @Transactional
    public ClusterCity appoint(long clusterId, long termId, CoordinatorInput input) {
        Cluster cluster = Cluster.findById(clusterId, LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null) {
            throw ProblemException.notFound("There is no cluster " + clusterId + ".");
        }
        ClusterTerm term = term(termId);
        MemberCity city = lockCity(input.memberId());
        ClusterMembership membership = membership(clusterId, termId, city.id);
        boolean active = membership != null && membership.leftOn == null;
        if (active && membership.coordinator) {
            throw ProblemException.conflict(city.name + " already coordinates this cluster in " + term.code + ".");
        }
        long coordinators = ClusterMembership.count("clusterId = ?1 and termId = ?2 and coordinator = true and leftOn is null",
                clusterId, termId);
        if (coordinators >= COORDINATORS_PER_CLUSTER) {
            throw new ProblemException(409, "two-coordinators", "Two coordinators per cluster",
                    cluster.nameEn + " already has " + COORDINATORS_PER_CLUSTER + " coordinators in " + term.code
                            + "; remove one first.", null);
        }
        List<Object[]> other = overlapping(city.id, term, clusterId, termId, true);
        if (!other.isEmpty()) {
            Cluster otherCluster = (Cluster) other.get(0)[0];
            ClusterTerm otherTerm = (ClusterTerm) other.get(0)[1];
            throw new ProblemException(409, "one-coordination", "A city coordinates one cluster at a time",
                    city.name + " already coordinates the cluster " + otherCluster.nameEn + " (" + otherTerm.code
                            + "), whose term overlaps " + term.code + ".", null);
        }
        if (!active) {
            LocalDate today = LocalDate.now();
            LocalDate joinedOn = today.isBefore(term.startsOn) ? term.startsOn : today.isAfter(term.endsOn) ? term.endsOn : today;
            membership = join(city, term, clusterId, membership, joinedOn);
        }
        membership.coordinator = true;
        return cities(List.of(membership)).get(0);
    }

    @Transactional
    public void removeCoordinator(long clusterId, long termId, long memberId) {
        cluster(clusterId);
        term(termId);
        ClusterMembership membership = membership(clusterId, termId, memberId);
        if (membership == null || !membership.coordinator || membership.leftOn != null) {
            throw ProblemException.notFound("City " + memberId + " does not coordinate this cluster in this term.");
        }
        membership.coordinator = false;
    }

    // ---- members

    public List<ClusterCity> members(long clusterId, long termId) {
        cluster(clusterId);
        term(termId);
        return cities(ClusterMembership.list("clusterId = ?1 and termId = ?2 order by joinedOn, id", clusterId, termId));
    }

    @Transactional
    public ClusterCity joinCluster(long clusterId, long termId, JoinInput input) {
        cluster(clusterId);
        ClusterTerm term = term(termId);
        requireManagerOrFocalPoint(clusterId, termId, input.memberId());
        MemberCity city = lockCity(input.memberId());
        if (input.joinedOn().isBefore(term.startsOn) || input.joinedOn().isAfter(term.endsOn)) {
            throw ProblemException.validation("joinedOn", "must be within the term (" + term.startsOn + " to " + term.endsOn + ")");
        }
        ClusterMembership membership = membership(clusterId, termId, city.id);
        if (membership != null && membership.leftOn == null) {
            throw ProblemException.conflict(city.name + " is already a member of this cluster in " + term.code + ".");
        }
        return cities(List.of(join(city, term, clusterId, membership, input.joinedOn()))).get(0);
    }

    @Transactional
    public ClusterCity leave(long clusterId, long termId, long memberId, LeaveInput input) {
        cluster(clusterId);
        term(termId);
        requireManagerOrFocalPoint(clusterId, termId, memberId);
        MemberCity city = lockCity(memberId);
        ClusterMembership membership = membership(clusterId, termId, memberId);
        if (membership == null) {
            throw ProblemException.notFound(city.name + " is not a member of this cluster in this term.");
        }
        if (membership.leftOn != null) {
            throw ProblemException.conflict(city.name + " left this cluster on " + membership.leftOn + ".");
        }
        if (membership.coordinator) {
            throw ProblemException.conflict(city.name + " coordinates this cluster; the secretariat removes the coordinator first.");
        }
        if (input.leftOn().isBefore(membership.joinedOn)) {
            throw ProblemException.validation("leftOn", "must not be before the day the city joined (" + membership.joinedOn + ")");
        }
        membership.leftOn = input.leftOn();
        return cities(List.of(membership)).get(0);
    }

    /** Adds (or re-adds) a city to a cluster after checking the three-clusters rule; the city row is locked. */
    private ClusterMembership join(MemberCity city, ClusterTerm term, long clusterId, ClusterMembership existing, LocalDate joinedOn) {
        List<Object[]> current = overlapping(city.id, term, clusterId, term.id, false);
        if (current.size() >= CLUSTERS_PER_CITY) {
            List<String> names = current.stream().map(row -> ((Cluster) row[0]).nameEn).toList();
            throw new ProblemException(409, "three-clusters", "A city is in at most three clusters at a time",
                    city.name + " is already in " + current.size() + " clusters whose terms overlap " + term.code + " ("
                            + String.join(", ", names) + "); it must leave one before joining another.", null);
        }
        ClusterMembership membership = existing != null ? existing : new ClusterMembership();
        membership.clusterId = clusterId;
        membership.termId = term.id;
        membership.memberId = city.id;
        membership.joinedOn = joinedOn;
        membership.leftOn = null;
        membership.coordinator = false;
        if (existing == null) {
            membership.persist();
        }
        return membership;
    }

    /** The city's current (not left) participations in other cluster terms overlapping this term: [Cluster, ClusterTerm]. */
    static List<Object[]> overlapping(long memberId, ClusterTerm term, long clusterId, long termId, boolean coordinatorsOnly) {
        return ClusterMembership.getEntityManager().createQuery(
                        "select c, t from ClusterMembership m, Cluster c, ClusterTerm t where c.id = m.clusterId and t.id = m.termId"
                                + " and m.memberId = :member and m.leftOn is null"
                                + (coordinatorsOnly ? " and m.coordinator = true" : "")
                                + " and t.startsOn <= :endsOn and t.endsOn >= :startsOn"
                                + " and not (m.clusterId = :cluster and m.termId = :term) order by c.nameEn", Object[].class)
                .setParameter("member", memberId).setParameter("endsOn", term.endsOn).setParameter("startsOn", term.startsOn)
                .setParameter("cluster", clusterId).setParameter("term", termId).getResultList();
    }

    private static MemberCity lockCity(long memberId) {
        MemberCity city = MemberCity.findById(memberId, LockModeType.PESSIMISTIC_WRITE);
        if (city == null) {
            throw ProblemException.notFound("There is no member city " + memberId + ".");
        }
        return city;
    }

    private static ClusterMembership membership(long clusterId, long termId, long memberId) {
        return ClusterMembership.find("clusterId = ?1 and termId = ?2 and memberId = ?3", clusterId, termId, memberId).firstResult();
    }

    // ---- regional balance

    public RegionalBalance balance(long clusterId, long termId) {
        List<ClusterCity> current = coordinatorsAndMembers(clusterId, termId);
        Map<UnescoRegion.Code, int[]> counts = new EnumMap<>(UnescoRegion.Code.class);
        for (UnescoRegion.Code code : UnescoRegion.Code.values()) {
            counts.put(code, new int[2]);
        }
        Set<UnescoRegion.Code> coordinatorRegions = new HashSet<>();
        int coordinators = 0;
        for (ClusterCity city : current) {
            counts.get(city.unescoRegion())[0]++;
            if (city.coordinator()) {
                counts.get(city.unescoRegion())[1]++;
                coordinatorRegions.add(city.unescoRegion());
                coordinators++;
            }
        }
        List<RegionCount> regions = counts.entrySet().stream()
                .map(e -> new RegionCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new RegionalBalance(regions, current.size(), coordinators, coordinators >= 2 && coordinatorRegions.size() == 1);
    }

    private List<ClusterCity> coordinatorsAndMembers(long clusterId, long termId) {
        cluster(clusterId);
        term(termId);
        return cities(ClusterMembership.list("clusterId = ?1 and termId = ?2 and leftOn is null", clusterId, termId));
    }

    private static List<ClusterCity> cities(List<ClusterMembership> memberships) {
        if (memberships.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> byId = new java.util.HashMap<>();
        ClusterMembership.getEntityManager().createQuery(
                        "select c.id, c.name, c.countryIso2, co.unescoRegion from MemberCity c, Country co"
                                + " where co.iso2 = c.countryIso2 and c.id in :ids", Object[].class)
                .setParameter("ids", memberships.stream().map(m -> m.memberId).toList()).getResultList()
                .forEach(row -> byId.put((Long) row[0], row));
        return memberships.stream().map(m -> {
            Object[] row = byId.get(m.memberId);
            return new ClusterCity(m.memberId, (String) row[1], (String) row[2], UnescoRegion.Code.valueOf((String) row[3]),
                    m.coordinator, m.joinedOn, m.leftOn);
        }).toList();
    }

    // ---- who may do what

    /** The secretariat, or a coordinator who is a focal point of a city coordinating this cluster in this term. */
    public boolean isCoordinatorOf(long clusterId, long termId) {
        if (!caller.hasRole(Roles.COORDINATOR) || caller.username() == null) {
            return false;
        }
        return ClusterMembership.getEntityManager().createQuery(
                        "select count(m) from ClusterMembership m, FocalPoint f where f.memberId = m.memberId"
                                + " and f.username = :username and m.clusterId = :cluster and m.termId = :term"
                                + " and m.coordinator = true and m.leftOn is null", Long.class)
                .setParameter("username", caller.username()).setParameter("cluster", clusterId).setParameter("term", termId)
                .getSingleResult() > 0;
    }

    public void requireManager(long clusterId, long termId) {
        if (!caller.isSecretariat() && !isCoordinatorOf(clusterId, termId)) {
            throw forbidden("Only the secretariat or a coordinator of this cluster in this term may do this.");
        }
    }

    void requireManagerOrFocalPoint(long clusterId, long termId, long memberId) {
        if (!caller.isSecretariat() && !isCoordinatorOf(clusterId, termId) && !members.isFocalPointOf(memberId)) {
            throw forbidden("Only the city's focal point, a coordinator of this cluster or the secretariat may do this.");
        }
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

}
