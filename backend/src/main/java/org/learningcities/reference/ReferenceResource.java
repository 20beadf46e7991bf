package org.learningcities.reference;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.RequestLanguage;
import org.learningcities.reference.ReferenceViews.CurrencyView;
import org.learningcities.reference.ReferenceViews.IncomeGroupView;
import org.learningcities.reference.ReferenceViews.RegionView;
import org.learningcities.reference.ReferenceViews.TopicGroupView;
import org.learningcities.reference.ReferenceViews.TopicView;
import org.learningcities.reference.ReferenceViews.WorkAreaView;

/** The fixed vocabularies of the network: regions, topics, work areas, income groups, currencies. */
@Path("/api/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    /** Currencies that are money (not gold, test or fund codes), by code. */
    private static final List<Currency> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .toList();

    @Inject
    RequestLanguage requestLanguage;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/regions")
    public Page<RegionView> regions(@QueryParam("lang") String lang) {
        Language language = language(lang);
        Map<String, Long> counts = new HashMap<>();
        Country.getEntityManager()
                .createQuery("select c.unescoRegion, count(c) from Country c where c.unescoRegion is not null group by c.unescoRegion", Object[].class)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return Page.all(UnescoRegion.<UnescoRegion>list("order by sortOrder").stream()
                .map(r -> new RegionView(UnescoRegion.Code.valueOf(r.code), r.name(language), counts.getOrDefault(r.code, 0L)))
                .toList());
    }

    @GET
    @Path("/topic-groups")
    public Page<TopicGroupView> topicGroups(@QueryParam("lang") String lang) {
        Language language = language(lang);
        List<Topic> topics = Topic.list("order by number");
        return Page.all(TopicGroup.<TopicGroup>list("order by number").stream()
                .map(g -> new TopicGroupView(g.number, g.name(language), topics.stream()
                        .filter(t -> t.groupNumber == g.number).map(t -> topicView(t, language)).toList()))
                .toList());
    }

    @GET
    @Path("/topics")
    public Page<TopicView> topics(@QueryParam("group") @Min(1) @Max(4) Integer group, @QueryParam("lang") String lang) {
        Language language = language(lang);
        List<Topic> topics = group == null ? Topic.list("order by number") : Topic.list("groupNumber = ?1 order by number", group);
        return Page.all(topics.stream().map(t -> topicView(t, language)).toList());
    }

    @GET
    @Path("/topics/{number}")
    public TopicView topic(@PathParam("number") int number, @QueryParam("lang") String lang) {
        Language language = language(lang);
        Topic topic = Topic.findById(number);
        if (topic == null) {
            throw ProblemException.notFound("There is no topic " + number + "; topics are numbered 1 to 12.");
        }
        return topicView(topic, language);
    }

    @GET
    @Path("/work-areas")
    public Page<WorkAreaView> workAreas(@QueryParam("lang") String lang) {
        Language language = language(lang);
        return Page.all(WorkArea.<WorkArea>list("order by number").stream()
                .map(w -> new WorkAreaView(w.number, w.name(language), w.objective(language))).toList());
    }

    @GET
    @Path("/income-groups")
    public Page<IncomeGroupView> incomeGroups(@QueryParam("lang") String lang) {
        Language language = language(lang);
        Map<String, Long> counts = new HashMap<>();
        IncomeGroupEdition.current().ifPresent(edition -> Country.getEntityManager()
                .createQuery("select g.incomeGroup, count(g) from CountryIncomeGroup g where g.editionCode = :edition group by g.incomeGroup", Object[].class)
                .setParameter("edition", edition.code)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1])));
        return Page.all(IncomeGroup.<IncomeGroup>list("order by sortOrder").stream()
                .map(g -> new IncomeGroupView(IncomeGroup.Code.valueOf(g.code), g.name(language), counts.getOrDefault(g.code, 0L)))
                .toList());
    }

    @GET
    @Path("/currencies")
    public Page<CurrencyView> currencies(@QueryParam("q") @Size(max = 60) String q,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("code", "code"), "code");
        String text = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<CurrencyView> matching = CURRENCIES.stream()
                .filter(c -> text.isEmpty() || c.getCurrencyCode().equalsIgnoreCase(text)
                        || c.getDisplayName(Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(text))
                .map(c -> new CurrencyView(c.getCurrencyCode(), c.getNumericCode() > 0 ? c.getNumericCode() : null,
                        c.getDisplayName(Locale.ENGLISH), c.getDefaultFractionDigits()))
                .toList();
        int from = Math.min(paging.offset(), matching.size());
        int to = Math.min(from + paging.size(), matching.size());
        return Page.of(matching.subList(from, to), paging, matching.size());
    }

    private Language language(String lang) {
        return requestLanguage.resolve(lang, headers, Language.UI);
    }

    private static TopicView topicView(Topic topic, Language language) {
        return new TopicView(topic.number, topic.code, topic.name(language), topic.groupNumber);
    }
}
