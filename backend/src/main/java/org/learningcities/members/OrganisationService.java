package org.learningcities.members;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hibernate.exception.ConstraintViolationException;
import org.learningcities.common.Texts;
import org.learningcities.common.Caller;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Versions;
import org.learningcities.common.WordSearch;
import org.learningcities.members.MemberViews.CountryRef;
import org.learningcities.members.OrganisationViews.ContactView;
import org.learningcities.members.OrganisationViews.OrganisationInput;
import org.learningcities.members.OrganisationViews.OrganisationView;
import org.learningcities.reference.CountryService;
import org.learningcities.reference.ReferenceViews.CountryView;

/** Partner organisations: the public reads them, the secretariat keeps them (and alone sees the contacts). */
@ApplicationScoped
public class OrganisationService {

    /** List filters, shared by the JSON page and the CSV export. */
    public record Filter(String q, OrganisationKind kind, String country) {
    }

    static final Map<String, String> SORT_COLUMNS = new LinkedHashMap<>();

    static {
        SORT_COLUMNS.put("name", "o.name");
        SORT_COLUMNS.put("kind", "o.kind");
        SORT_COLUMNS.put("country", "o.countryIso2");
    }

    @Inject
    CountryService countries;

    @Inject
    Caller caller;

    // ---- reading

    public Page<OrganisationView> list(Filter filter, PageRequest paging, Language language) {
        Query query = query(filter);
        long total = Organisation.count(query.from, query.parameters);
        List<Organisation> organisations = Organisation.<Organisation>find(
                        query.from + " order by " + paging.orderBy() + ", o.id", query.parameters)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(views(organisations, language), paging, total);
    }

    /** Every match, in the requested order, for the CSV export. */
    public List<Organisation> all(Filter filter, PageRequest sorting) {
        Query query = query(filter);
        return Organisation.<Organisation>find(query.from + " order by " + sorting.orderBy() + ", o.id", query.parameters).list();
    }

    public OrganisationView get(long id, Language language) {
        return views(List.of(find(id)), language).get(0);
    }

    // ---- writing

    @Transactional
    public OrganisationView create(OrganisationInput input, Language language) {
        Organisation organisation = new Organisation();
        apply(organisation, input);
        checkUnique(organisation);
        persistOrConflict(organisation);
        return views(List.of(organisation), language).get(0);
    }

    @Transactional
    public OrganisationView update(long id, String ifMatch, OrganisationInput input, Language language) {
        Organisation organisation = find(id);
        Versions.requireMatch(ifMatch, organisation.version, "Organisation " + id);
        apply(organisation, input);
        checkUnique(organisation);
        persistOrConflict(organisation); // flushes now, so the answer carries the new version
        return views(List.of(organisation), language).get(0);
    }

    public Organisation find(long id) {
        Organisation organisation = Organisation.findById(id);
        if (organisation == null) {
            throw ProblemException.notFound("There is no organisation " + id + ".");
        }
        return organisation;
    }

    void apply(Organisation organisation, OrganisationInput input) {
        organisation.externalId = Texts.blankToNull(input.externalId());
        organisation.name = input.name().trim();
        organisation.kind = input.kind();
        organisation.countryIso2 = Texts.blankToNull(input.country()) == null ? null
                : CountryService.requireCountry(input.country(), "country");
        organisation.website = Texts.blankToNull(input.website());
        List<OrganisationContact> contacts = new ArrayList<>();
        if (input.contacts() != null) {
            input.contacts().forEach(c -> contacts.add(contact(c)));
        }
        // Replace the list only when it differs, so an unchanged record keeps its version.
        if (!contacts.equals(organisation.contacts)) {
            organisation.contacts.clear();
            organisation.contacts.addAll(contacts);
        }
    }

    static OrganisationContact contact(ContactView view) {
        return new OrganisationContact(view.name().trim(), Texts.blankToNull(view.role()), Texts.blankToNull(view.email()),
                Texts.blankToNull(view.phone()));
    }

    /** The same name twice in one country (or twice among international ones), or one externalId twice, is refused. */
    void checkUnique(Organisation organisation) {
        long self = organisation.id == null ? -1L : organisation.id;
        long sameName = organisation.countryIso2 == null
                ? Organisation.count("countryIso2 is null and name = ?1 and id <> ?2", organisation.name, self)
                : Organisation.count("countryIso2 = ?1 and name = ?2 and id <> ?3", organisation.countryIso2,
                organisation.name, self);
        if (sameName > 0) {
            throw ProblemException.conflict("There is already an organisation " + organisation.name
                    + (organisation.countryIso2 == null ? " without a country." : " in " + organisation.countryIso2 + "."));
        }
        if (organisation.externalId != null
                && Organisation.count("externalId = ?1 and id <> ?2", organisation.externalId, self) > 0) {
            throw ProblemException.conflict("The externalId " + organisation.externalId + " is already used by another organisation.");
        }
    }

    /** The unique keys catch what {@link #checkUnique} cannot: two writers adding the same name at once. */
    private static void persistOrConflict(Organisation organisation) {
        conflictOnDuplicate(organisation::persistAndFlush);
    }

    /** Runs a write, answering 409 instead of 500 when it breaks an organisation's unique key. */
    static void conflictOnDuplicate(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                        && violation.getConstraintName().toLowerCase(Locale.ROOT).contains("uq_organisation")) {
                    throw ProblemException.conflict("Another organisation with this name or externalId was just added.");
                }
            }
            throw e;
        }
    }

    // ---- mapping

    List<OrganisationView> views(List<Organisation> organisations, Language language) {
        Map<String, CountryView> countryViews = countries.viewsByIso2(organisations.stream()
                .map(o -> o.countryIso2).filter(Objects::nonNull).toList(), language);
        boolean withContacts = caller.isSecretariat();
        return organisations.stream().map(o -> {
            CountryView country = o.countryIso2 == null ? null : countryViews.get(o.countryIso2);
            return new OrganisationView(o.id, o.externalId, o.name, o.kind,
                    country == null ? null : new CountryRef(country.iso2(), country.name()), o.website,
                    withContacts ? o.contacts.stream().map(OrganisationService::contactView).toList() : null,
                    o.version);
        }).toList();
    }

    static ContactView contactView(OrganisationContact contact) {
        return new ContactView(contact.name, contact.role, contact.email, contact.phone);
    }


    // ---- the list query

    private record Query(String from, Parameters parameters) {
    }

    private static Query query(Filter filter) {
        StringBuilder where = new StringBuilder("from Organisation o where 1 = 1");
        Parameters parameters = new Parameters();
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (").append(WordSearch.condition(filter.q(), List.of("o.name"), parameters)).append(")");
        }
        if (filter.kind() != null) {
            where.append(" and o.kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and o.countryIso2 = :country");
            parameters.and("country", filter.country().trim().toUpperCase(Locale.ROOT));
        }
        return new Query(where.toString(), parameters);
    }
}
