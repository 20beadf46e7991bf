package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.Toolkit;
import org.learningcities.toolkits.ToolkitViews.ToolkitInput;
import org.learningcities.toolkits.ToolkitViews.ToolkitSection;
import org.learningcities.toolkits.ToolkitViews.ToolkitSectionInput;
import org.learningcities.toolkits.ToolkitViews.ToolkitSummary;

/** Toolkits: ordered sections of resources, produced by a project or a cluster. */
@ApplicationScoped
public class ToolkitService {

    @Inject
    Documents documents;

    @Inject
    SearchIndex search;

    @Inject
    ResourceService resources;

    @Inject
    ProjectService projects;

    @Transactional
    public Toolkit create(ToolkitInput input, List<String> wanted) {
        ToolkitRecord record = new ToolkitRecord();
        save(record, validate(input));
        return view(record, wanted);
    }

    @Transactional
    public Toolkit update(long id, String ifMatch, ToolkitInput input, List<String> wanted) {
        ToolkitRecord record = find(id);
        Versions.requireMatch(ifMatch, record.version, "The toolkit");
        save(record, validate(input));
        return view(record, wanted);
    }

    public Toolkit get(long id, List<String> wanted) {
        return view(find(id), wanted);
    }

    public Page<ToolkitSummary> list(Integer topic, Long project, PageRequest paging, List<String> wanted) {
        StringBuilder sql = new StringBuilder(" FROM toolkit WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (topic != null) {
            sql.append(" AND JSON_CONTAINS(JSON_EXTRACT(body_json, '$.topics'), :topic)");
            parameters.put("topic", String.valueOf(topic));
        }
        if (project != null) {
            sql.append(" AND project_id = :project");
            parameters.put("project", project);
        }
        var em = ToolkitRecord.getEntityManager();
        var count = em.createNativeQuery("SELECT COUNT(*)" + sql);
        var page = em.createNativeQuery("SELECT id" + sql + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
        parameters.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<ToolkitSummary> items = new ArrayList<>();
        for (Object id : page.getResultList()) {
            ToolkitRecord record = ToolkitRecord.findById(((Number) id).longValue());
            ToolkitInput t = documents.read(record.body, ToolkitInput.class);
            Localizer l = new Localizer(wanted, t.originalLanguage());
            items.add(new ToolkitSummary(record.id, l.text("title", t.title()), l.text("summary", t.summary()), t.originalLanguage(),
                    List.copyOf(t.title().keySet()), l.fallbackFields(), projects.ref(t.projectId(), wanted), t.clusterId(), t.topics()));
        }
        return Page.of(items, paging, total);
    }

    private ToolkitRecord find(long id) {
        ToolkitRecord record = ToolkitRecord.findById(id);
        if (record == null) {
            throw ProblemException.notFound("There is no toolkit " + id + ".");
        }
        return record;
    }

    void save(ToolkitRecord record, ToolkitInput t) {
        if (t.externalId() != null && ToolkitRecord.count("externalId = ?1 and id <> ?2", t.externalId(),
                record.id == null ? -1L : record.id) > 0) {
            throw ProblemException.conflict("Another toolkit has the externalId " + t.externalId() + ".");
        }
        record.externalId = t.externalId();
        record.originalLanguage = t.originalLanguage();
        record.projectId = t.projectId();
        record.clusterId = t.clusterId();
        record.body = documents.write(t);
        if (record.id == null) {
            record.persist();
        }
        ToolkitRecord.getEntityManager().flush();
        List<Map<String, String>> texts = new ArrayList<>();
        texts.add(t.summary());
        t.sections().forEach(s -> {
            texts.add(s.title());
            texts.add(s.summary());
        });
        search.replace(SearchKind.TOOLKIT, record.id, t.originalLanguage(), true,
                SearchIndex.entries(t.originalLanguage(), t.title(), texts), new SearchIndex.Facets(t.topics(), List.of(), null, null));
    }

    private ToolkitInput validate(ToolkitInput in) {
        List<FieldError> errors = new ArrayList<>();
        String original = Translations.tag(in.originalLanguage());
        Map<String, String> title = Translations.clean("title", in.title(), 500, errors);
        if (original != null && !title.containsKey(original)) {
            errors.add(new FieldError("title", "needs a text in the original language " + original));
        }
        if (in.projectId() != null && ProjectRecord.findById(in.projectId()) == null) {
            errors.add(new FieldError("projectId", "there is no project " + in.projectId()));
        }
        if (in.clusterId() != null && ((Number) ToolkitRecord.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM cluster WHERE id = ?1").setParameter(1, in.clusterId())
                .getSingleResult()).intValue() == 0) {
            errors.add(new FieldError("clusterId", "there is no cluster " + in.clusterId()));
        }
        List<ToolkitSectionInput> sections = new ArrayList<>();
        List<ToolkitSectionInput> raw = in.sections() == null ? List.of() : in.sections();
        for (int i = 0; i < raw.size(); i++) {
            String path = "sections[" + i + "]";
            Map<String, String> sectionTitle = Translations.clean(path + ".title", raw.get(i).title(), 500, errors);
            if (sectionTitle.isEmpty()) {
                errors.add(new FieldError(path + ".title", "needs a text in at least one language"));
            }
            List<Long> ids = ResourceService.distinct(raw.get(i).resourceIds());
            resources.requireExisting(path + ".resourceIds", ids, errors);
            sections.add(new ToolkitSectionInput(sectionTitle,
                    Translations.clean(path + ".summary", raw.get(i).summary(), ResourceService.MAX_TEXT, errors), ids));
        }
        ToolkitInput clean = new ToolkitInput(Texts.blankToNull(in.externalId()), original, title,
                Translations.clean("summary", in.summary(), ResourceService.MAX_TEXT, errors), in.projectId(), in.clusterId(),
                ResourceService.distinct(in.topics()), sections);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return clean;
    }

    private Toolkit view(ToolkitRecord record, List<String> wanted) {
        ToolkitInput t = documents.read(record.body, ToolkitInput.class);
        Localizer l = new Localizer(wanted, t.originalLanguage());
        String title = l.text("title", t.title());
        String summary = l.text("summary", t.summary());
        List<ToolkitSection> sections = new ArrayList<>();
        for (int i = 0; i < t.sections().size(); i++) {
            ToolkitSectionInput s = t.sections().get(i);
            sections.add(new ToolkitSection(l.text("sections[" + i + "].title", s.title()),
                    l.text("sections[" + i + "].summary", s.summary()), resources.summaries(s.resourceIds(), wanted)));
        }
        return new Toolkit(record.id, t.externalId(), title, summary, t.originalLanguage(), List.copyOf(t.title().keySet()),
                l.fallbackFields(), projects.ref(t.projectId(), wanted), t.clusterId(), t.topics(), sections, l.translations(),
                record.version);
    }
}
