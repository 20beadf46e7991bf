package org.learningcities.members;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.learningcities.clusters.ClusterMembership;
import org.learningcities.common.PageRequest;
import org.learningcities.common.WordSearch;
import org.learningcities.reference.ReferenceCache;

/**
 * The member directory as the list, map and export read it, and a cache of single cities as
 * GET /api/members/{id} answers them: kept in memory because every public page starts with them,
 * and the directory is small (a network of hundreds of cities; the bench's 10,000 take a few MB).
 * A filtered, sorted page is a walk over one precomputed order, with word-prefix search through a
 * sorted index of the names' words; no SQL per request.
 *
 * <p><b>Freshness.</b> A change committed on this instance is seen by its next request: Hibernate's
 * events on {@link MemberCity} and {@link ClusterMembership} mark the directory stale once their
 * transaction commits, and writers that use native SQL call {@link #changed()}. A change made on
 * another instance is seen within {@code lc.directory.recheck-interval} (1 s by default): one
 * request at a time compares a stamp of the tables (row count, sum of versions, highest id — every
 * insert or update through the API changes it, whatever order transactions commit in) and reloads
 * when it moved. Anyone who changes member rows with SQL by hand must increment {@code version}.
 *
 * <p>The single-city cache holds a city as long as the directory's version of it is the cached one.
 */
@ApplicationScoped
public class MemberDirectory {

    /** Upper bound of the single-city cache, in characters of profile text and fields (about 16 MB of heap). */
    static final long RECORD_CACHE_CHARS = 8_000_000;

    @ConfigProperty(name = "lc.directory.recheck-interval", defaultValue = "1S")
    Duration recheckInterval;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceCache reference;

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    /** One city as the directory lists it; {@code position} is its place in name order. */
    public record Entry(int position, long id, String externalId, String name, String localName, String country,
                        Long population, int yearJoined, MemberStatus status, BigDecimal latitude, BigDecimal longitude,
                        LocalDate nextReportDue, int version, int nameRank, int topicBits, long[] clusters) {

        public List<Integer> topics() {
            List<Integer> topics = new ArrayList<>();
            for (int topic = 1; topic <= 31; topic++) {
                if ((topicBits & (1 << topic)) != 0) {
                    topics.add(topic);
                }
            }
            return topics;
        }

    }

    /** A page of matches and how many there are in all. */
    public record Match(List<Entry> entries, long total) {
    }

    /** What identifies the tables' state: changes with every insert, update or delete made through the API. */
    record Stamp(long cities, long versions, long lastCity, long memberships, long activeMemberships, long lastMembership) {
    }

    static final class Snapshot {
        final Stamp stamp;
        /** In name order (the database's collation), then id. */
        final Entry[] entries;
        final Map<Long, Entry> byId;
        /** Folded name text from each word's start, sorted; {@code wordEntry[i]} is the position it belongs to. */
        final String[] words;
        final int[] wordEntry;
        final Map<List<PageRequest.SortField>, Entry[]> orders = new ConcurrentHashMap<>();
        /** The positions of the cities with each value of a filtered field: a filter is a few ANDs of these. */
        final Map<String, BitSet> byCountry = new HashMap<>();
        final Map<MemberStatus, BitSet> byStatus = new java.util.EnumMap<>(MemberStatus.class);
        final Map<Integer, BitSet> byTopic = new HashMap<>();
        final java.util.TreeMap<Integer, BitSet> byYear = new java.util.TreeMap<>();
        final Map<Long, BitSet> byCluster = new HashMap<>();
        volatile long checkedAt;

        Snapshot(Stamp stamp, Entry[] entries) {
            this.stamp = stamp;
            this.entries = entries;
            this.byId = new HashMap<>(entries.length * 2);
            List<Object[]> words = new ArrayList<>();
            for (Entry e : entries) {
                byId.put(e.id(), e);
                addWords(words, e.name(), e.position());
                addWords(words, e.localName(), e.position());
                byCountry.computeIfAbsent(e.country(), k -> new BitSet()).set(e.position());
                byStatus.computeIfAbsent(e.status(), k -> new BitSet()).set(e.position());
                byYear.computeIfAbsent(e.yearJoined(), k -> new BitSet()).set(e.position());
                for (int topic : e.topics()) {
                    byTopic.computeIfAbsent(topic, k -> new BitSet()).set(e.position());
                }
                for (long cluster : e.clusters()) {
                    byCluster.computeIfAbsent(cluster, k -> new BitSet()).set(e.position());
                }
            }
            words.sort(Comparator.comparing(w -> (String) w[0]));
            this.words = new String[words.size()];
            this.wordEntry = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                this.words[i] = (String) words.get(i)[0];
                this.wordEntry[i] = (Integer) words.get(i)[1];
            }
        }

        private static void addWords(List<Object[]> words, String text, int position) {
            if (text == null) {
                return;
            }
            String folded = WordSearch.fold(text);
            // LIKE 'q%' OR LIKE '% q%': the text from its start and from after every space.
            int start = 0;
            while (true) {
                words.add(new Object[] {folded.substring(start), position});
                int space = folded.indexOf(' ', start);
                if (space < 0) {
                    return;
                }
                start = space + 1;
            }
        }

        /** The positions of the cities whose name or local name has a word starting with the text. */
        BitSet startingWith(String text) {
            String prefix = WordSearch.fold(text.trim());
            BitSet found = new BitSet(entries.length);
            // The first word not before the prefix (binarySearch may land on any of several equal words).
            int low = 0;
            int high = words.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (words[middle].compareTo(prefix) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            for (int i = low; i < words.length && words[i].startsWith(prefix); i++) {
                found.set(wordEntry[i]);
            }
            return found;
        }

        Entry[] order(List<PageRequest.SortField> sort) {
            return orders.computeIfAbsent(sort, fields -> {
                Comparator<Entry> order = null;
                for (PageRequest.SortField field : fields) {
                    Comparator<Entry> one = COMPARATORS.get(field.column());
                    if (one == null) {
                        throw new IllegalArgumentException("No directory order for " + field.column());
                    }
                    one = field.descending() ? one.reversed() : one;
                    order = order == null ? one : order.thenComparing(one);
                }
                Entry[] sorted = entries.clone();
                Arrays.sort(sorted, order == null ? BY_ID : order.thenComparing(BY_ID));
                return sorted;
            });
        }
    }

    private static final Comparator<Entry> BY_ID = Comparator.comparingLong(Entry::id);

    /** The sort columns of {@link MemberService#SORT_COLUMNS}, ordered as MariaDB orders them (NULL first). */
    private static final Map<String, Comparator<Entry>> COMPARATORS = Map.of(
            "m.name", Comparator.comparingInt(Entry::nameRank),
            "m.countryIso2", Comparator.comparing(Entry::country),
            "m.yearJoined", Comparator.comparingInt(Entry::yearJoined),
            "m.population", Comparator.comparing(Entry::population, Comparator.nullsFirst(Comparator.naturalOrder())));

    private volatile Snapshot snapshot;
    /** Set when this instance committed a change: the next read checks the stamp whatever its age. */
    private volatile boolean stale = true;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final Map<Long, MemberCity> records = new ConcurrentHashMap<>();
    private final AtomicLong recordChars = new AtomicLong();
    /**
     * Sessions whose commit will mark the directory stale. Weak: a session closed without running its
     * completion callbacks (Hibernate warns "Closing shared session with unprocessed transaction
     * completion actions" after some failed flushes) must not stay here with its persistence context.
     */
    private final Set<SharedSessionContractImplementor> watched = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    void onStart(@Observes StartupEvent start) {
        org.learningcities.common.EntityEvents.listen(sessionFactory, new Listener());
    }

    /**
     * Member data changes in the current transaction outside Hibernate's entity events (native
     * SQL): this instance rereads once it commits. Without a transaction, at once.
     */
    public void changed() {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        if (session.isTransactionInProgress()) {
            watch(session);
        } else {
            stale = true;
        }
    }

    // ---- reading

    /** One page of the cities that pass the filter, in the page's order. */
    public Match search(MemberService.Filter filter, PageRequest paging) {
        Snapshot s = current();
        BitSet matches = matches(filter, s);
        int from = paging.offset();
        int to = from + paging.size();
        List<Entry> page = new ArrayList<>(paging.size());
        int seen = 0;
        if (paging.sort().equals(NAME_ORDER)) {
            // Positions are name order: walk the matching bits.
            for (int p = matches.nextSetBit(0); p >= 0 && seen < to; p = matches.nextSetBit(p + 1), seen++) {
                if (seen >= from) {
                    page.add(s.entries[p]);
                }
            }
        } else {
            for (Entry e : s.order(paging.sort())) {
                if (seen >= to) {
                    break;
                }
                if (matches.get(e.position())) {
                    if (seen >= from) {
                        page.add(e);
                    }
                    seen++;
                }
            }
        }
        return new Match(page, matches.cardinality());
    }

    private static final List<PageRequest.SortField> NAME_ORDER = List.of(new PageRequest.SortField("m.name", false));

    /** Every city that passes the filter, in name order. */
    public List<Entry> all(MemberService.Filter filter) {
        Snapshot s = current();
        BitSet matches = matches(filter, s);
        List<Entry> found = new ArrayList<>(matches.cardinality());
        for (int p = matches.nextSetBit(0); p >= 0; p = matches.nextSetBit(p + 1)) {
            found.add(s.entries[p]);
        }
        return found;
    }

    /**
     * A city as GET answers it: from the cache while the directory's version of it is the cached
     * one, else read with {@code load} (which throws the 404 for an unknown city). Cached records
     * are shared between requests and never changed.
     */
    public MemberCity record(long id, LongFunction<MemberCity> load) {
        Entry listed = current().byId.get(id);
        MemberCity cached = records.get(id);
        if (cached != null && listed != null && cached.version == listed.version()) {
            return cached;
        }
        MemberCity read = load.apply(id);
        if (listed != null && read.version == listed.version()) {
            long chars = chars(read);
            if (recordChars.addAndGet(chars) > RECORD_CACHE_CHARS) {
                // Rare (the cap holds thousands of full profiles): start over rather than track recency on every read.
                records.clear();
                recordChars.set(chars);
            }
            records.put(id, read);
        }
        return read;
    }

    private static long chars(MemberCity city) {
        long chars = 500;
        for (ProfileText text : city.profile.values()) {
            chars += length(text.visionAndMotivation) + length(text.challengesAndGoals) + length(text.planAndImplementation);
        }
        return chars;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /**
     * The positions of the cities that pass the filter: the AND of the indexes of each condition
     * (a region or an income group is the OR of its countries; a year range, of its years).
     */
    private BitSet matches(MemberService.Filter filter, Snapshot s) {
        BitSet matches = new BitSet(s.entries.length);
        matches.set(0, s.entries.length);
        if (filter.q() != null && !filter.q().isBlank()) {
            matches.and(s.startingWith(filter.q()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            matches.and(s.byCountry.getOrDefault(filter.country().trim().toUpperCase(Locale.ROOT), NONE));
        }
        ReferenceCache.Snapshot ref = filter.region() != null || filter.incomeGroup() != null ? reference.get() : null;
        if (filter.region() != null) {
            BitSet region = new BitSet();
            for (ReferenceCache.CountryData c : ref.countries().values()) {
                if (filter.region().name().equals(c.unescoRegion())) {
                    region.or(s.byCountry.getOrDefault(c.iso2(), NONE));
                }
            }
            matches.and(region);
        }
        if (filter.incomeGroup() != null) {
            BitSet group = new BitSet();
            ref.incomeGroupOfCountry().forEach((iso2, code) -> {
                if (filter.incomeGroup().name().equals(code)) {
                    group.or(s.byCountry.getOrDefault(iso2, NONE));
                }
            });
            matches.and(group);
        }
        if (filter.status() != null) {
            matches.and(s.byStatus.getOrDefault(filter.status(), NONE));
        }
        if (filter.topic() != null) {
            matches.and(s.byTopic.getOrDefault(filter.topic(), NONE));
        }
        if (filter.joinedFrom() != null || filter.joinedTo() != null) {
            int from = filter.joinedFrom() == null ? Integer.MIN_VALUE : filter.joinedFrom();
            int to = filter.joinedTo() == null ? Integer.MAX_VALUE : filter.joinedTo();
            BitSet years = new BitSet();
            if (from <= to) {
                s.byYear.subMap(from, true, to, true).values().forEach(years::or);
            }
            matches.and(years);
        }
        if (filter.cluster() != null) {
            matches.and(s.byCluster.getOrDefault(filter.cluster(), NONE));
        }
        return matches;
    }

    private static final BitSet NONE = new BitSet();

    // ---- keeping it fresh

    Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !stale && System.nanoTime() - s.checkedAt < recheckInterval.toNanos()) {
            return s;
        }
        if (s != null && !stale) {
            // Only the periodic check for other instances' changes: one request does it, the rest go on meanwhile.
            if (!refreshing.tryLock()) {
                return s;
            }
        } else {
            refreshing.lock();
        }
        try {
            return refresh();
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot refresh() {
        Snapshot s = snapshot;
        if (s != null && !stale && System.nanoTime() - s.checkedAt < recheckInterval.toNanos()) {
            return s; // another request just did it
        }
        boolean wasStale = stale;
        stale = false; // a change committed from here on calls for another check
        long started = System.nanoTime();
        try {
            // Outside any transaction: an autocommit connection of its own, never enlisted in a caller's
            // transaction (whose uncommitted rows must not reach the snapshot). Enlisting a pooled connection
            // the database had dropped failed with a plain SQLException (500) where a query fails with state 08 (503).
            Snapshot read = QuarkusTransaction.suspendingExisting().call(() -> read(s));
            read.checkedAt = started;
            snapshot = read;
            return read;
        } catch (RuntimeException e) {
            stale = stale || wasStale;
            throw e;
        }
    }

    /** The stamp first, then the rows: rows newer than their stamp only cost one more reload later. */
    private Snapshot read(Snapshot previous) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            Stamp stamp;
            try (ResultSet r = sql.executeQuery("SELECT (SELECT COUNT(*) FROM member_city), (SELECT COALESCE(SUM(version), 0) FROM member_city),"
                    + " (SELECT COALESCE(MAX(id), 0) FROM member_city), (SELECT COUNT(*) FROM cluster_membership),"
                    + " (SELECT COUNT(*) FROM cluster_membership WHERE left_on IS NULL), (SELECT COALESCE(MAX(id), 0) FROM cluster_membership)")) {
                r.next();
                stamp = new Stamp(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
            }
            if (previous != null && previous.stamp.equals(stamp)) {
                return previous;
            }
            Map<Long, Integer> topics = new HashMap<>();
            try (ResultSet r = sql.executeQuery("SELECT member_id, topic_number FROM member_topic")) {
                while (r.next()) {
                    int topic = r.getInt(2);
                    if (topic >= 1 && topic <= 31) {
                        topics.merge(r.getLong(1), 1 << topic, (a, b) -> a | b);
                    }
                }
            }
            Map<Long, long[]> clusters = new HashMap<>();
            try (ResultSet r = sql.executeQuery("SELECT member_id, cluster_id FROM cluster_membership WHERE left_on IS NULL")) {
                while (r.next()) {
                    clusters.merge(r.getLong(1), new long[] {r.getLong(2)}, (a, b) -> {
                        long[] both = Arrays.copyOf(a, a.length + b.length);
                        System.arraycopy(b, 0, both, a.length, b.length);
                        return both;
                    });
                }
            }
            List<Entry> entries = new ArrayList<>();
            // DENSE_RANK over the name gives the collation's order (accents and case ignored) without reimplementing it.
            try (ResultSet r = sql.executeQuery("SELECT id, external_id, name, local_name, country_iso2, population, year_joined, status,"
                    + " latitude, longitude, next_report_due, version, DENSE_RANK() OVER (ORDER BY name) FROM member_city ORDER BY name, id")) {
                while (r.next()) {
                    long id = r.getLong(1);
                    long population = r.getLong(6);
                    entries.add(new Entry(entries.size(), id, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.wasNull() ? null : population, r.getInt(7), MemberStatus.valueOf(r.getString(8)),
                            r.getBigDecimal(9), r.getBigDecimal(10), r.getObject(11, LocalDate.class), r.getInt(12), r.getInt(13),
                            topics.getOrDefault(id, 0), clusters.getOrDefault(id, NO_CLUSTERS)));
                }
            }
            return new Snapshot(stamp, entries.toArray(Entry[]::new));
        }
    }

    private static final long[] NO_CLUSTERS = new long[0];

    private void watch(SharedSessionContractImplementor session) {
        if (session instanceof EventSource source && watched.add(session)) {
            source.getActionQueue().registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> {
                watched.remove(done);
                if (success) {
                    stale = true;
                }
            });
        }
    }

    /** Hibernate's events on the records the directory shows: mark it stale when their transaction commits. */
    private final class Listener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
            PreCollectionUpdateEventListener, PreCollectionRemoveEventListener, PostCollectionRecreateEventListener {

        private void seen(Object entity, SharedSessionContractImplementor session) {
            if (entity instanceof MemberCity || entity instanceof ClusterMembership) {
                watch(session);
            }
        }

        private void seen(AbstractCollectionEvent event) {
            seen(event.getAffectedOwnerOrNull(), event.getSession());
        }

        @Override
        public void onPostInsert(PostInsertEvent event) {
            seen(event.getEntity(), event.getSession());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            seen(event.getEntity(), event.getSession());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            seen(event.getEntity(), event.getSession());
        }

        @Override
        public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
            seen(event);
        }

        @Override
        public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
            seen(event);
        }

        @Override
        public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
            seen(event);
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }
}
