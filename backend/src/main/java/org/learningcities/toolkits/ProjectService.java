package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberCity;
import org.learningcities.members.Organisation;
import org.learningcities.reference.Country;
import org.learningcities.toolkits.ToolkitViews.ActivityStrand;
import org.learningcities.toolkits.ToolkitViews.ActivityStrandInput;
import org.learningcities.toolkits.ToolkitViews.CoFinancingLine;
import org.learningcities.toolkits.ToolkitViews.PartnerRole;
import org.learningcities.toolkits.ToolkitViews.Project;
import org.learningcities.toolkits.ToolkitViews.ProjectInput;
import org.learningcities.toolkits.ToolkitViews.ProjectPartner;
import org.learningcities.toolkits.ToolkitViews.ProjectRef;
import org.learningcities.toolkits.ToolkitViews.ProjectSummary;
import org.learningcities.toolkits.ToolkitViews.SearchKind;

/** Projects: budget and co-financing (exact, in the project's currency), partners, strands, outputs. */
@ApplicationScoped
public class ProjectService {

    @Inject
    Documents documents;

    @Inject
    SearchIndex search;

    @Inject
    ResourceService resources;

    @Transactional
    public Project create(ProjectInput input, List<String> wanted) {
        ProjectRecord record = new ProjectRecord();
        save(record, validate(input, null));
        return view(record, wanted);
    }

    @Transactional
    public Project update(long id, String ifMatch, ProjectInput input, List<String> wanted) {
        ProjectRecord record = find(id);
        Versions.requireMatch(ifMatch, record.version, "The project");
        save(record, validate(input, id));
        return view(record, wanted);
    }

    public Project get(long id, List<String> wanted) {
        return view(find(id), wanted);
    }

    public Page<ProjectSummary> list(String q, Integer topic, PageRequest paging, List<String> wanted) {
        StringBuilder sql = new StringBuilder(" FROM project WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            // acronym or any title word starting with q; JSON text compares case-insensitively with the table's collation
            sql.append(" AND (acronym LIKE :prefix OR JSON_EXTRACT(body_json, '$.title') LIKE :inTitle)");
            String escaped = q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            parameters.put("prefix", escaped + "%");
            parameters.put("inTitle", "%" + escaped + "%");
        }
        if (topic != null) {
            sql.append(" AND JSON_CONTAINS(JSON_EXTRACT(body_json, '$.topics'), :topic)");
            parameters.put("topic", String.valueOf(topic));
        }
        var em = ProjectRecord.getEntityManager();
        var count = em.createNativeQuery("SELECT COUNT(*)" + sql);
        var page = em.createNativeQuery("SELECT id" + sql + " ORDER BY start_date IS NULL, start_date DESC, id DESC LIMIT :limit OFFSET :offset");
        parameters.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<ProjectSummary> items = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ProjectRecord record = ProjectRecord.findById(((Number) id).longValue());
            ProjectInput p = documents.read(record.body, ProjectInput.class);
            Localizer l = new Localizer(wanted, p.originalLanguage());
            String title = l.text("title", p.title());
            items.add(new ProjectSummary(record.id, p.acronym(), title, p.programme(), p.startDate(), p.endDate(), p.currency(),
                    money(p.totalBudget(), p.currency()), p.originalLanguage(), List.copyOf(p.title().keySet()),
                    l.fallbackFields(), p.topics()));
        }
        return Page.of(items, paging, total);
    }

    public ProjectRef ref(Long id, List<String> wanted) {
        if (id == null) {
            return null;
        }
        ProjectRecord record = ProjectRecord.findById(id);
        if (record == null) {
            return null;
        }
        ProjectInput p = documents.read(record.body, ProjectInput.class);
        return new ProjectRef(record.id, p.acronym(), new Localizer(wanted, p.originalLanguage()).text("title", p.title()));
    }

    ProjectRecord find(long id) {
        ProjectRecord record = ProjectRecord.findById(id);
        if (record == null) {
            throw ProblemException.notFound("There is no project " + id + ".");
        }
        return record;
    }

    void save(ProjectRecord record, ProjectInput p) {
        if (p.externalId() != null && ProjectRecord.count("externalId = ?1 and id <> ?2", p.externalId(),
                record.id == null ? -1L : record.id) > 0) {
            throw ProblemException.conflict("Another project has the externalId " + p.externalId() + ".");
        }
        record.externalId = p.externalId();
        record.acronym = p.acronym();
        record.originalLanguage = p.originalLanguage();
        record.startDate = p.startDate();
        record.body = documents.write(p);
        if (record.id == null) {
            record.persist();
        }
        ProjectRecord.getEntityManager().flush();
        List<Map<String, String>> texts = new ArrayList<>();
        texts.add(Map.of(p.originalLanguage(), p.acronym() + " " + p.programme()));
        texts.add(p.summary());
        texts.add(p.priority());
        texts.addAll(p.objectives());
        p.activityStrands().forEach(s -> {
            texts.add(s.name());
            texts.add(s.description());
        });
        texts.add(p.results());
        texts.add(p.lessonsLearned());
        search.replace(SearchKind.PROJECT, record.id, p.originalLanguage(), true,
                SearchIndex.entries(p.originalLanguage(), p.title(), texts), new SearchIndex.Facets(p.topics(), List.of(), null, null));
    }

    ProjectInput validate(ProjectInput in, Long id) {
        List<FieldError> errors = new ArrayList<>();
        String original = Translations.tag(in.originalLanguage());
        Map<String, String> title = Translations.clean("title", in.title(), 500, errors);
        if (original != null && !title.containsKey(original)) {
            errors.add(new FieldError("title", "needs a text in the original language " + original));
        }
        Currency currency = null;
        try {
            currency = Currency.getInstance(in.currency());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency"));
        }
        BigDecimal total = amount("totalBudget", in.totalBudget(), currency, errors);
        BigDecimal sum = BigDecimal.ZERO;
        List<CoFinancingLine> lines = in.coFinancing() == null ? List.of() : in.coFinancing();
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal amount = amount("coFinancing[" + i + "].amount", lines.get(i).amount(), currency, errors);
            sum = amount == null ? sum : sum.add(amount);
        }
        if (total != null && sum.compareTo(total) > 0) {
            errors.add(new FieldError("coFinancing", "adds up to " + sum.toPlainString() + ", more than the total budget " + total.toPlainString()));
        }
        if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
            errors.add(new FieldError("endDate", "must not be before startDate"));
        }
        List<ProjectPartner> partners = in.partners() == null ? List.of() : in.partners();
        if (partners.stream().filter(p -> p.role() == PartnerRole.LEAD_PARTNER).count() > 1) {
            errors.add(new FieldError("partners", "has more than one lead partner"));
        }
        for (int i = 0; i < partners.size(); i++) {
            ProjectPartner p = partners.get(i);
            if (p.country() != null && Country.findById(p.country()) == null) {
                errors.add(new FieldError("partners[" + i + "].country", "there is no country " + p.country()));
            }
            if (p.memberId() != null && MemberCity.findById(p.memberId()) == null) {
                errors.add(new FieldError("partners[" + i + "].memberId", "there is no member city " + p.memberId()));
            }
            if (p.organisationId() != null && Organisation.findById(p.organisationId()) == null) {
                errors.add(new FieldError("partners[" + i + "].organisationId", "there is no organisation " + p.organisationId()));
            }
        }
        List<Map<String, String>> objectives = new ArrayList<>();
        List<Map<String, String>> rawObjectives = in.objectives() == null ? List.of() : in.objectives();
        for (int i = 0; i < rawObjectives.size(); i++) {
            objectives.add(Translations.clean("objectives[" + i + "]", rawObjectives.get(i), ResourceService.MAX_TEXT, errors));
        }
        List<ActivityStrandInput> strands = new ArrayList<>();
        List<ActivityStrandInput> rawStrands = in.activityStrands() == null ? List.of() : in.activityStrands();
        for (int i = 0; i < rawStrands.size(); i++) {
            strands.add(new ActivityStrandInput(Translations.clean("activityStrands[" + i + "].name", rawStrands.get(i).name(), 300, errors),
                    Translations.clean("activityStrands[" + i + "].description", rawStrands.get(i).description(), ResourceService.MAX_TEXT, errors)));
        }
        List<Long> outputs = ResourceService.distinct(in.outputResourceIds());
        resources.requireExisting("outputResourceIds", outputs, errors);
        String website = Texts.blankToNull(in.website());
        if (website != null && !ResourceService.isWebLink(website)) {
            errors.add(new FieldError("website", "must be an http or https URL"));
        }
        ProjectInput clean = new ProjectInput(Texts.blankToNull(in.externalId()), in.acronym().trim(), original, title,
                Translations.clean("summary", in.summary(), ResourceService.MAX_TEXT, errors), in.programme().trim(),
                Translations.clean("priority", in.priority(), 2000, errors), in.startDate(), in.endDate(), in.currency(),
                total == null ? null : total.toPlainString(), lines, partners, objectives, strands,
                Translations.clean("results", in.results(), ResourceService.MAX_TEXT, errors), outputs,
                Translations.clean("lessonsLearned", in.lessonsLearned(), ResourceService.MAX_TEXT, errors), in.contact(), website,
                ResourceService.distinct(in.topics()));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return clean;
    }

    /** An amount with no more decimals than its currency has (EUR 2, JPY 0). */
    private static BigDecimal amount(String field, String text, Currency currency, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (currency != null && amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            errors.add(new FieldError(field, "has more decimals than " + currency.getCurrencyCode() + " has"));
            return null;
        }
        return amount;
    }

    static String money(String amount, String currency) {
        return amount == null ? null : money(new BigDecimal(amount), currency);
    }

    static String money(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private Project view(ProjectRecord record, List<String> wanted) {
        ProjectInput p = documents.read(record.body, ProjectInput.class);
        Localizer l = new Localizer(wanted, p.originalLanguage());
        String title = l.text("title", p.title());
        String summary = l.text("summary", p.summary());
        String priority = l.text("priority", p.priority());
        List<String> objectives = new ArrayList<>();
        for (int i = 0; i < p.objectives().size(); i++) {
            objectives.add(l.text("objectives[" + i + "]", p.objectives().get(i)));
        }
        List<ActivityStrand> strands = new ArrayList<>();
        for (int i = 0; i < p.activityStrands().size(); i++) {
            ActivityStrandInput s = p.activityStrands().get(i);
            strands.add(new ActivityStrand(l.text("activityStrands[" + i + "].name", s.name()),
                    l.text("activityStrands[" + i + "].description", s.description())));
        }
        String results = l.text("results", p.results());
        String lessons = l.text("lessonsLearned", p.lessonsLearned());
        BigDecimal total = p.totalBudget() == null ? null : new BigDecimal(p.totalBudget());
        BigDecimal coFinanced = p.coFinancing().stream().map(c -> new BigDecimal(c.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CoFinancingLine> lines = p.coFinancing().stream()
                .map(c -> new CoFinancingLine(c.source(), money(new BigDecimal(c.amount()), p.currency()))).toList();
        return new Project(record.id, p.externalId(), p.acronym(), title, summary, p.programme(), priority, p.startDate(),
                p.endDate(), p.currency(), p.totalBudget() == null ? null : money(total, p.currency()), lines,
                money(coFinanced, p.currency()), total == null ? null : money(total.subtract(coFinanced), p.currency()), p.partners(), objectives, strands, results,
                resources.summaries(p.outputResourceIds(), wanted), lessons, p.contact(), p.website(), p.topics(),
                p.originalLanguage(), List.copyOf(p.title().keySet()), l.fallbackFields(), l.translations(), record.version);
    }
}
