package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.learningcities.common.Texts;
import org.learningcities.common.Caller;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Roles;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberViews.CountryRef;
import org.learningcities.members.MemberViews.LocalizedProfile;
import org.learningcities.members.MemberViews.Mayor;
import org.learningcities.members.MemberViews.Member;
import org.learningcities.members.MemberViews.MemberInput;
import org.learningcities.members.MemberViews.MemberProfileInput;
import org.learningcities.members.MemberViews.MemberSummary;
import org.learningcities.members.MemberViews.ProfileTextView;
import org.learningcities.members.MemberViews.StatusAction;
import org.learningcities.members.MemberViews.StatusChangeInput;
import org.learningcities.members.MemberViews.StatusChangeView;
import org.learningcities.reference.CountryService;
import org.learningcities.reference.IncomeGroup;
import org.learningcities.reference.ReferenceViews.CountryView;
import org.learningcities.reference.UnescoRegion;

/** The member-city directory: records, profiles, status history and who may change them. */
@ApplicationScoped
public class MemberService {

    /** Directory filters, as the list, map and CSV views share them. */
    public record Filter(String q, String country, UnescoRegion.Code region, IncomeGroup.Code incomeGroup,
                         MemberStatus status, Integer topic, Integer joinedFrom, Integer joinedTo, Long cluster) {
    }

    static final Map<String, String> SORT_COLUMNS = new LinkedHashMap<>();

    static {
        SORT_COLUMNS.put("name", "m.name");
        SORT_COLUMNS.put("country", "m.countryIso2");
        SORT_COLUMNS.put("yearJoined", "m.yearJoined");
        SORT_COLUMNS.put("population", "m.population");
    }

    @Inject
    CountryService countries;

    @Inject
    Caller caller;

    @Inject
    MemberDirectory directory;

    // ---- reading

    public Page<MemberSummary> list(Filter filter, PageRequest paging, Language language) {
        MemberDirectory.Match match = directory.search(filter, paging);
        return Page.of(summaries(match.entries(), language), paging, match.total());
    }

    /** Every match with its whole record, in name order, for the CSV export. */
    public List<MemberCity> all(Filter filter) {
        List<Long> ids = directory.all(filter).stream().map(MemberDirectory.Entry::id).toList();
        Map<Long, MemberCity> byId = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            MemberCity.<MemberCity>list("id in ?1", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(city -> byId.put(city.id, city));
        }
        // A city the directory lists but the database no longer has (deleted by hand) is left out.
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Every match that has a location, for the map. */
    public List<MemberDirectory.Entry> mapPoints(Filter filter) {
        return directory.all(filter).stream().filter(e -> e.latitude() != null && e.longitude() != null).toList();
    }

    /**
     * One city as GET /api/members/{id} answers it, read with one indexed query (the row, its topics
     * and its profile texts) instead of loading the entity and its two collections (three queries
     * and a persistence context per read). Gives the same answer as {@link #view(MemberCity, Language)}.
     */
    public Member get(long id, Language language) {
        return view(directory.record(id, this::read), language);
    }

    private MemberCity read(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = MemberCity.getEntityManager().createNativeQuery(MEMBER_READ).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("There is no member city " + id + ".");
        }
        Object[] r = rows.get(0);
        MemberCity city = new MemberCity(); // a plain carrier for the columns, never persisted
        city.id = ((Number) r[0]).longValue();
        city.externalId = (String) r[1];
        city.name = (String) r[2];
        city.localName = (String) r[3];
        city.countryIso2 = (String) r[4];
        city.population = r[5] == null ? null : ((Number) r[5]).longValue();
        city.areaKm2 = (BigDecimal) r[6];
        city.yearJoined = ((Number) r[7]).intValue();
        city.status = MemberStatus.valueOf((String) r[8]);
        city.website = (String) r[9];
        city.latitude = (BigDecimal) r[10];
        city.longitude = (BigDecimal) r[11];
        city.languages = (String) r[12];
        city.mayorName = (String) r[13];
        city.mayorTitle = (String) r[14];
        city.lastProgressReport = localDate(r[15]);
        city.nextReportDue = localDate(r[16]);
        city.version = ((Number) r[17]).intValue();
        if (r[18] != null) {
            for (String topic : r[18].toString().split(",")) {
                city.topics.add(Integer.valueOf(topic));
            }
        }
        for (Object[] row : rows) {
            // Hibernate leaves out a collection element whose columns are all null; so does this.
            if (row[19] != null && (row[20] != null || row[21] != null || row[22] != null)) {
                city.profile.put((String) row[19], new ProfileText((String) row[20], (String) row[21], (String) row[22]));
            }
        }
        return city;
    }

    /** The row, its topics (in order) and one row per profile language; ProfileText's columns last. */
    private static final String MEMBER_READ = "SELECT m.id, m.external_id, m.name, m.local_name, m.country_iso2, m.population,"
            + " m.area_km2, m.year_joined, m.status, m.website, m.latitude, m.longitude, m.languages, m.mayor_name, m.mayor_title,"
            + " m.last_progress_report, m.next_report_due, m.version,"
            + " (SELECT GROUP_CONCAT(CAST(t.topic_number AS CHAR) ORDER BY t.topic_number) FROM member_topic t WHERE t.member_id = m.id),"
            + " p.language, p.vision_and_motivation, p.challenges_and_goals, p.plan_and_implementation"
            + " FROM member_city m LEFT JOIN member_profile p ON p.member_id = m.id WHERE m.id = ?1";

    private static LocalDate localDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    public Page<MemberSummary> overdue(PageRequest paging, Language language) {
        LocalDate today = LocalDate.now();
        String where = "status = ?1 and nextReportDue < ?2";
        long total = MemberCity.count(where, MemberStatus.MEMBER, today);
        List<MemberCity> cities = MemberCity.<MemberCity>find(where + " order by nextReportDue, name", MemberStatus.MEMBER, today)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(summaries(cities, language), paging, total);
    }

    /** The cities whose focal-point records are linked to the caller's login. */
    public List<MemberSummary> citiesOfCaller(Language language) {
        List<MemberCity> cities = MemberCity.list(
                "id in (select f.memberId from FocalPoint f where f.username = ?1) order by name", caller.username());
        return summaries(cities, language);
    }

    // ---- writing

    @Transactional
    public Member create(MemberInput input, Language language) {
        MemberCity city = new MemberCity();
        city.status = MemberStatus.MEMBER;
        applyRecord(city, input);
        checkUnique(city);
        city.persist();
        recordStatus(city, null, MemberStatus.MEMBER, LocalDate.now(), "Added to the directory");
        return view(city, language);
    }

    /** Adds a city admitted through a membership application; its year joined is the decision's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberCity admit(MemberInput input, LocalDate decisionDate, String reason) {
        MemberCity city = new MemberCity();
        city.status = MemberStatus.MEMBER;
        applyRecord(city, input);
        city.yearJoined = decisionDate.getYear();
        city.refreshReportDue();
        checkUnique(city);
        city.persist();
        recordStatus(city, null, MemberStatus.MEMBER, decisionDate, reason);
        return city;
    }

    @Transactional
    public Member update(long id, String ifMatch, MemberInput input, Language language) {
        MemberCity city = find(id);
        Versions.requireMatch(ifMatch, city.version, "Member city " + id);
        applyRecord(city, input);
        checkUnique(city);
        city.flush();
        return view(city, language);
    }

    @Transactional
    public Member updateProfile(long id, String ifMatch, MemberProfileInput input, Language language) {
        MemberCity city = find(id);
        requireSecretariatOrFocalPointOf(city.id);
        Versions.requireMatch(ifMatch, city.version, "Member city " + id);
        applyProfile(city, input);
        city.flush();
        return view(city, language);
    }

    @Transactional
    public StatusChangeView changeStatus(long id, StatusChangeInput input) {
        MemberCity city = MemberCity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (city == null) {
            throw ProblemException.notFound("There is no member city " + id + ".");
        }
        MemberStatus target = switch (input.action()) {
            case SUSPEND -> city.status == MemberStatus.MEMBER ? MemberStatus.SUSPENDED : null;
            case REINSTATE -> city.status != MemberStatus.MEMBER ? MemberStatus.MEMBER : null;
            case WITHDRAW -> city.status != MemberStatus.WITHDRAWN ? MemberStatus.WITHDRAWN : null;
        };
        if (target == null) {
            throw ProblemException.conflict("A city that is " + city.status + " cannot be " + pastTense(input.action()) + ".");
        }
        StatusChange change = recordStatus(city, city.status, target, input.date(), input.reason());
        city.status = target;
        city.flush();
        return statusView(change);
    }

    public Page<StatusChangeView> statusHistory(long id) {
        find(id);
        List<StatusChangeView> changes = StatusChange.<StatusChange>list("memberId = ?1 order by id", id).stream()
                .map(MemberService::statusView).toList();
        return Page.all(changes);
    }

    @Transactional
    public MemberViews.ProgressReportView recordProgressReport(long id, MemberViews.ProgressReportInput input) {
        MemberCity city = MemberCity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (city == null) {
            throw ProblemException.notFound("There is no member city " + id + ".");
        }
        requireSecretariatOrFocalPointOf(id);
        if (input.receivedOn().isAfter(LocalDate.now())) {
            throw ProblemException.validation("receivedOn", "must not be in the future");
        }
        ProgressReport report = new ProgressReport();
        report.memberId = id;
        report.receivedOn = input.receivedOn();
        report.link = Texts.blankToNull(input.link());
        report.note = Texts.blankToNull(input.note());
        report.recordedBy = caller.recordedBy();
        report.persist();
        if (city.lastProgressReport == null || input.receivedOn().isAfter(city.lastProgressReport)) {
            city.lastProgressReport = input.receivedOn();
            city.refreshReportDue();
        }
        city.flush();
        return reportView(report);
    }

    public MemberViews.ProgressReportList progressReports(long id) {
        MemberCity city = find(id);
        List<MemberViews.ProgressReportView> reports = ProgressReport.<ProgressReport>list(
                "memberId = ?1 order by receivedOn desc, id desc", id).stream().map(MemberService::reportView).toList();
        return new MemberViews.ProgressReportList(reports, 1, Math.max(reports.size(), 1), reports.size(),
                city.nextReportDue, city.reportOverdue(LocalDate.now()));
    }

    private static MemberViews.ProgressReportView reportView(ProgressReport r) {
        return new MemberViews.ProgressReportView(r.id, r.receivedOn, r.link, r.note, r.recordedBy,
                r.recordedAt);
    }

    StatusChange recordStatus(MemberCity city, MemberStatus from, MemberStatus to, LocalDate date, String reason) {
        StatusChange change = new StatusChange();
        change.memberId = city.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.date = date;
        change.reason = reason;
        change.recordedBy = caller.recordedBy();
        change.persist();
        return change;
    }

    // ---- who may do what

    public MemberCity find(long id) {
        MemberCity city = MemberCity.findById(id);
        if (city == null) {
            throw ProblemException.notFound("There is no member city " + id + ".");
        }
        return city;
    }

    public boolean isFocalPointOf(long memberId) {
        return caller.hasRole(Roles.FOCAL_POINT) && caller.username() != null
                && FocalPoint.count("memberId = ?1 and username = ?2", memberId, caller.username()) > 0;
    }

    /** The secretariat may change any city; a focal point only the cities linked to their login. */
    public void requireSecretariatOrFocalPointOf(long memberId) {
        if (!caller.isSecretariat() && !isFocalPointOf(memberId)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only the secretariat or a focal point of this city may do this.", null);
        }
    }

    // ---- mapping

    void applyRecord(MemberCity city, MemberInput input) {
        city.externalId = Texts.blankToNull(input.externalId());
        city.name = input.name().trim();
        city.countryIso2 = CountryService.requireCountry(input.country(), "country");
        city.yearJoined = input.yearJoined();
        int nextYear = LocalDate.now().getYear() + 1;
        if (city.yearJoined > nextYear) {
            throw ProblemException.validation("yearJoined", "must not be after " + nextYear);
        }
        applyProfile(city, input.profileFields());
    }

    void applyProfile(MemberCity city, MemberProfileInput input) {
        city.localName = Texts.blankToNull(input.localName());
        city.population = input.population();
        city.areaKm2 = input.areaKm2();
        city.website = Texts.blankToNull(input.website());
        if ((input.latitude() == null) != (input.longitude() == null)) {
            throw ProblemException.validation(input.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude go together");
        }
        city.latitude = input.latitude();
        city.longitude = input.longitude();
        city.languages = input.languages() == null ? "" : String.join(",", new java.util.LinkedHashSet<>(input.languages()));
        city.mayorName = input.mayor() == null ? null : input.mayor().name().trim();
        city.mayorTitle = input.mayor() == null ? null : Texts.blankToNull(input.mayor().title());
        city.topics.clear();
        if (input.topics() != null) {
            city.topics.addAll(input.topics());
        }
        city.profile.clear();
        if (input.profile() != null) {
            input.profile().forEach((language, text) -> {
                if (text != null) {
                    ProfileText stored = new ProfileText(Texts.blankToNull(text.visionAndMotivation()),
                            Texts.blankToNull(text.challengesAndGoals()), Texts.blankToNull(text.planAndImplementation()));
                    if (!stored.isEmpty()) {
                        city.profile.put(language, stored);
                    }
                }
            });
        }
        city.refreshReportDue();
    }

    private void checkUnique(MemberCity city) {
        if (MemberCity.count("countryIso2 = ?1 and name = ?2 and id <> ?3", city.countryIso2, city.name,
                city.id == null ? -1L : city.id) > 0) {
            throw ProblemException.conflict("There is already a member city " + city.name + " in " + city.countryIso2 + ".");
        }
        if (city.externalId != null && MemberCity.count("externalId = ?1 and id <> ?2", city.externalId,
                city.id == null ? -1L : city.id) > 0) {
            throw ProblemException.conflict("The externalId " + city.externalId + " is already used by another city.");
        }
    }

    public Member view(MemberCity city, Language language) {
        CountryView country = countries.viewsByIso2(List.of(city.countryIso2), language).get(city.countryIso2);
        Map<String, ProfileTextView> profile = new TreeMap<>();
        city.profile.forEach((lang, text) -> profile.put(lang,
                new ProfileTextView(text.visionAndMotivation, text.challengesAndGoals, text.planAndImplementation)));
        LocalDate today = LocalDate.now();
        return new Member(city.id, city.externalId, city.name, city.localName, countryRef(country), country.unescoRegion(),
                country.incomeGroup(), city.population, city.areaKm2, city.yearJoined, city.status, city.website,
                city.latitude, city.longitude, city.languageList(),
                city.mayorName == null ? null : new Mayor(city.mayorName, city.mayorTitle),
                new ArrayList<>(new TreeSet<>(city.topics)), profile, localized(city, language),
                city.lastProgressReport, city.nextReportDue, city.reportOverdue(today), city.version);
    }

    /** Cities read from the database, listed as the directory lists them. */
    public List<MemberSummary> summaries(Collection<MemberCity> cities, Language language) {
        return summaries(cities.stream().map(MemberService::entry).toList(), language);
    }

    List<MemberSummary> summaries(List<MemberDirectory.Entry> entries, Language language) {
        Map<String, CountryView> countryViews = countries.viewsByIso2(entries.stream().map(MemberDirectory.Entry::country).toList(), language);
        LocalDate today = LocalDate.now();
        return entries.stream().map(e -> {
            CountryView country = countryViews.get(e.country());
            return new MemberSummary(e.id(), e.externalId(), e.name(), e.localName(), countryRef(country),
                    country.unescoRegion(), country.incomeGroup(), e.population(), e.yearJoined(), e.status(),
                    e.latitude(), e.longitude(), e.topics(), e.nextReportDue(),
                    MemberCity.reportOverdue(e.status(), e.nextReportDue(), today));
        }).toList();
    }

    private static MemberDirectory.Entry entry(MemberCity city) {
        int topicBits = 0;
        for (int topic : city.topics) {
            topicBits |= 1 << topic;
        }
        return new MemberDirectory.Entry(-1, city.id, city.externalId, city.name, city.localName, city.countryIso2,
                city.population, city.yearJoined, city.status, city.latitude, city.longitude, city.nextReportDue,
                city.version, -1, topicBits, new long[0]);
    }

    /** The narrative in the chosen language, else English, else any language the city wrote in. */
    static LocalizedProfile localized(MemberCity city, Language language) {
        if (city.profile.isEmpty()) {
            return null;
        }
        String wanted = language.code();
        String shown = city.profile.containsKey(wanted) ? wanted
                : city.profile.containsKey("en") ? "en" : city.profile.keySet().iterator().next();
        ProfileText text = city.profile.get(shown);
        return new LocalizedProfile(shown, !shown.equals(wanted), text.visionAndMotivation, text.challengesAndGoals,
                text.planAndImplementation);
    }

    private static CountryRef countryRef(CountryView country) {
        return new CountryRef(country.iso2(), country.name());
    }

    static StatusChangeView statusView(StatusChange change) {
        return new StatusChangeView(change.id, change.fromStatus, change.toStatus, change.date, change.reason,
                change.recordedBy, change.recordedAt);
    }

    private static String pastTense(StatusAction action) {
        return switch (action) {
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case WITHDRAW -> "withdrawn";
        };
    }


    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
