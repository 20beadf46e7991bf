package org.learningcities.toolkits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Roles;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberService;
import org.learningcities.members.Organisation;
import org.learningcities.reference.Country;
import org.learningcities.toolkits.ToolkitViews.CaseStudy;
import org.learningcities.toolkits.ToolkitViews.CaseStudyCategory;
import org.learningcities.toolkits.ToolkitViews.CaseStudyCategoryInput;
import org.learningcities.toolkits.ToolkitViews.CaseStudyInput;
import org.learningcities.toolkits.ToolkitViews.CaseStudyStatus;
import org.learningcities.toolkits.ToolkitViews.CaseStudySummary;
import org.learningcities.toolkits.ToolkitViews.Milieu;
import org.learningcities.toolkits.ToolkitViews.MilieuInput;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.ThemeQuestion;
import org.learningcities.toolkits.ToolkitViews.ThemeQuestionInput;

/**
 * Case-study fiches and their workflow: a focal point drafts a fiche for their own city and
 * submits it; the secretariat publishes it or returns it with a comment. Only published fiches
 * are public, and never their address and contact.
 */
@ApplicationScoped
public class CaseStudyService {

    private static final int TEXT = ResourceService.MAX_TEXT;

    @Inject
    Documents documents;

    @Inject
    SearchIndex search;

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    // ---- categories

    public Page<CaseStudyCategory> categories(List<String> wanted) {
        return Page.all(CaseStudyCategoryRecord.<CaseStudyCategoryRecord>list("order by code").stream()
                .map(c -> category(c, wanted)).toList());
    }

    @Transactional
    public CaseStudyCategory createCategory(CaseStudyCategoryInput input) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> name = Translations.clean("name", input.name(), 300, errors);
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "needs a text in at least one language"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (CaseStudyCategoryRecord.count("code", input.code().trim()) > 0) {
            throw ProblemException.conflict("There is already a category " + input.code().trim() + ".");
        }
        CaseStudyCategoryRecord record = new CaseStudyCategoryRecord();
        record.code = input.code().trim();
        record.nameJson = documents.write(name);
        record.persist();
        return category(record, List.of("en"));
    }

    @SuppressWarnings("unchecked")
    private CaseStudyCategory category(CaseStudyCategoryRecord c, List<String> wanted) {
        Map<String, String> name = documents.read(c.nameJson, Map.class);
        Localizer l = new Localizer(wanted, "en");
        return new CaseStudyCategory(c.id, c.code, l.text("name", name), l.fallbackFields());
    }

    // ---- fiches

    @Transactional
    public CaseStudy create(CaseStudyInput input, List<String> wanted) {
        CaseStudyInput clean = validate(input);
        if (!caller.isSecretariat()) {
            if (clean.memberId() == null) {
                throw ProblemException.validation("memberId", "is required: a focal point drafts fiches for their own city");
            }
            requireFocalPointOf(clean.memberId());
        }
        CaseStudyRecord record = new CaseStudyRecord();
        record.status = CaseStudyStatus.DRAFT;
        record.createdBy = caller.recordedBy();
        save(record, clean);
        return view(record, wanted);
    }

    @Transactional
    public CaseStudy update(long id, String ifMatch, CaseStudyInput input, List<String> wanted) {
        CaseStudyRecord record = visible(id);
        requireEditor(record);
        Versions.requireMatch(ifMatch, record.version, "The fiche");
        if (!caller.isSecretariat()) {
            if (record.status != CaseStudyStatus.DRAFT && record.status != CaseStudyStatus.RETURNED) {
                throw ProblemException.conflict("The fiche is " + record.status + "; its focal point edits it while it is a draft or returned.");
            }
        }
        CaseStudyInput clean = validate(input);
        if (!caller.isSecretariat() && (clean.memberId() == null || !clean.memberId().equals(record.memberId))) {
            requireFocalPointOf(clean.memberId() == null ? -1 : clean.memberId());
        }
        save(record, clean);
        return view(record, wanted);
    }

    @Transactional
    public CaseStudy submit(long id, List<String> wanted) {
        CaseStudyRecord record = visible(id);
        requireEditor(record);
        if (record.status != CaseStudyStatus.DRAFT && record.status != CaseStudyStatus.RETURNED) {
            throw ProblemException.conflict("Only a draft or returned fiche can be submitted; this one is " + record.status + ".");
        }
        record.status = CaseStudyStatus.SUBMITTED;
        record.submittedAt = Instant.now();
        return reindexed(record, wanted);
    }

    @Transactional
    public CaseStudy publish(long id, List<String> wanted) {
        CaseStudyRecord record = find(id);
        if (record.status != CaseStudyStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a submitted fiche can be published; this one is " + record.status + ".");
        }
        record.status = CaseStudyStatus.PUBLISHED;
        record.publishedAt = Instant.now();
        record.returnComment = null;
        return reindexed(record, wanted);
    }

    @Transactional
    public CaseStudy giveBack(long id, String comment, List<String> wanted) {
        CaseStudyRecord record = find(id);
        if (record.status != CaseStudyStatus.SUBMITTED) {
            throw ProblemException.conflict("Only a submitted fiche can be returned; this one is " + record.status + ".");
        }
        record.status = CaseStudyStatus.RETURNED;
        record.returnComment = comment.trim();
        return reindexed(record, wanted);
    }

    public CaseStudy get(long id, List<String> wanted) {
        return view(visible(id), wanted);
    }

    public Page<CaseStudySummary> list(CaseStudyStatus status, Long member, Integer topic, PageRequest paging, List<String> wanted) {
        StringBuilder sql = new StringBuilder(" FROM case_study WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!caller.isSecretariat()) {
            // the public sees published fiches; a focal point also their own cities' fiches
            sql.append(" AND (status = 'PUBLISHED'");
            if (caller.hasRole(Roles.FOCAL_POINT) && caller.username() != null) {
                sql.append(" OR member_id IN (SELECT f.member_id FROM focal_point f WHERE f.username = :username)");
                parameters.put("username", caller.username());
            }
            sql.append(")");
        }
        if (status != null) {
            sql.append(" AND status = :status");
            parameters.put("status", status.name());
        }
        if (member != null) {
            sql.append(" AND member_id = :member");
            parameters.put("member", member);
        }
        if (topic != null) {
            sql.append(" AND JSON_CONTAINS(JSON_EXTRACT(body_json, '$.topics'), :topic)");
            parameters.put("topic", String.valueOf(topic));
        }
        var em = CaseStudyRecord.getEntityManager();
        var count = em.createNativeQuery("SELECT COUNT(*)" + sql);
        var page = em.createNativeQuery("SELECT id" + sql + " ORDER BY published_at IS NULL, published_at DESC, id DESC LIMIT :limit OFFSET :offset");
        parameters.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<CaseStudySummary> items = new ArrayList<>();
        for (Object id : page.getResultList()) {
            CaseStudyRecord r = CaseStudyRecord.findById(((Number) id).longValue());
            CaseStudyInput c = documents.read(r.body, CaseStudyInput.class);
            Localizer l = new Localizer(wanted, c.originalLanguage());
            items.add(new CaseStudySummary(r.id, r.status, l.text("name", c.name()), r.memberId, memberName(r.memberId),
                    c.originalLanguage(), List.copyOf(c.name().keySet()), l.fallbackFields(), c.topics(), r.publishedAt));
        }
        return Page.of(items, paging, total);
    }

    private CaseStudyRecord find(long id) {
        CaseStudyRecord record = CaseStudyRecord.findById(id);
        if (record == null) {
            throw ProblemException.notFound("There is no fiche " + id + ".");
        }
        return record;
    }

    /** The fiche if the caller may see it; an unpublished fiche of another city does not exist for them. */
    private CaseStudyRecord visible(long id) {
        CaseStudyRecord record = find(id);
        if (record.status != CaseStudyStatus.PUBLISHED && !isEditor(record)) {
            throw ProblemException.notFound("There is no fiche " + id + ".");
        }
        return record;
    }

    private boolean isEditor(CaseStudyRecord record) {
        return caller.isSecretariat() || record.memberId != null && members.isFocalPointOf(record.memberId);
    }

    private void requireEditor(CaseStudyRecord record) {
        if (!isEditor(record)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the secretariat or a focal point of the fiche's city may do this.", null);
        }
    }

    private void requireFocalPointOf(long memberId) {
        if (!members.isFocalPointOf(memberId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "A focal point drafts fiches for their own cities only.", null);
        }
    }

    private CaseStudy reindexed(CaseStudyRecord record, List<String> wanted) {
        CaseStudyRecord.getEntityManager().flush();
        index(record, documents.read(record.body, CaseStudyInput.class));
        return view(record, wanted);
    }

    private void save(CaseStudyRecord record, CaseStudyInput c) {
        record.memberId = c.memberId();
        record.organisationId = c.organisationId();
        record.originalLanguage = c.originalLanguage();
        record.body = documents.write(c);
        if (record.id == null) {
            record.persist();
        }
        CaseStudyRecord.getEntityManager().flush();
        index(record, c);
    }

    private void index(CaseStudyRecord record, CaseStudyInput c) {
        List<Map<String, String>> texts = new ArrayList<>(List.of(c.theme(), c.purpose(), c.leadOrganisationBackground(),
                c.background(), c.description(), c.objectives(), c.geographicalFocus(), c.partnerships(),
                c.otherTiersOfGovernment(), c.fundingMix(), c.targetGroups(), c.successes(), c.problems(), c.lessonsLearned(),
                c.milieu().economic(), c.milieu().geographical(), c.milieu().politicalGovernance(), c.milieu().cultural(),
                c.milieu().other()));
        texts.addAll(c.partnershipKinds());
        c.themeQuestions().forEach(q -> {
            texts.add(q.question());
            texts.add(q.answer());
        });
        if (c.leadOrganisation() != null) {
            texts.add(Map.of(c.originalLanguage(), c.leadOrganisation()));
        }
        String region = null;
        if (record.memberId != null) {
            MemberCity city = MemberCity.findById(record.memberId);
            Country country = city == null ? null : Country.findById(city.countryIso2);
            region = country == null ? null : country.unescoRegion;
        }
        search.replace(SearchKind.CASE_STUDY, record.id, c.originalLanguage(), record.status == CaseStudyStatus.PUBLISHED,
                SearchIndex.entries(c.originalLanguage(), c.name(), texts),
                new SearchIndex.Facets(c.topics(), c.targetGroupCodes().stream().map(Enum::name).toList(), region, null));
    }

    private CaseStudyInput validate(CaseStudyInput in) {
        List<FieldError> errors = new ArrayList<>();
        String original = Translations.tag(in.originalLanguage());
        Map<String, String> name = Translations.clean("name", in.name(), 500, errors);
        if (original != null && !name.containsKey(original)) {
            errors.add(new FieldError("name", "needs a text in the original language " + original));
        }
        if (in.memberId() != null && MemberCity.findById(in.memberId()) == null) {
            errors.add(new FieldError("memberId", "there is no member city " + in.memberId()));
        }
        if (in.organisationId() != null && Organisation.findById(in.organisationId()) == null) {
            errors.add(new FieldError("organisationId", "there is no organisation " + in.organisationId()));
        }
        List<Long> categories = ResourceService.distinct(in.categoryIds());
        for (int i = 0; i < categories.size(); i++) {
            if (CaseStudyCategoryRecord.findById(categories.get(i)) == null) {
                errors.add(new FieldError("categoryIds[" + i + "]", "there is no category " + categories.get(i)));
            }
        }
        List<Long> clusters = ResourceService.distinct(in.clusterIds());
        for (int i = 0; i < clusters.size(); i++) {
            if (((Number) CaseStudyRecord.getEntityManager().createNativeQuery("SELECT COUNT(*) FROM cluster WHERE id = ?1")
                    .setParameter(1, clusters.get(i)).getSingleResult()).intValue() == 0) {
                errors.add(new FieldError("clusterIds[" + i + "]", "there is no cluster " + clusters.get(i)));
            }
        }
        MilieuInput m = in.milieu() == null ? new MilieuInput(null, null, null, null, null) : in.milieu();
        MilieuInput milieu = new MilieuInput(Translations.clean("milieu.economic", m.economic(), TEXT, errors),
                Translations.clean("milieu.geographical", m.geographical(), TEXT, errors),
                Translations.clean("milieu.politicalGovernance", m.politicalGovernance(), TEXT, errors),
                Translations.clean("milieu.cultural", m.cultural(), TEXT, errors),
                Translations.clean("milieu.other", m.other(), TEXT, errors));
        List<Map<String, String>> kinds = new ArrayList<>();
        List<Map<String, String>> rawKinds = in.partnershipKinds() == null ? List.of() : in.partnershipKinds();
        for (int i = 0; i < rawKinds.size(); i++) {
            kinds.add(Translations.clean("partnershipKinds[" + i + "]", rawKinds.get(i), 2000, errors));
        }
        List<ThemeQuestionInput> questions = new ArrayList<>();
        List<ThemeQuestionInput> rawQuestions = in.themeQuestions() == null ? List.of() : in.themeQuestions();
        for (int i = 0; i < rawQuestions.size(); i++) {
            Map<String, String> question = Translations.clean("themeQuestions[" + i + "].question", rawQuestions.get(i).question(), 2000, errors);
            if (question.isEmpty()) {
                errors.add(new FieldError("themeQuestions[" + i + "].question", "needs a text in at least one language"));
            }
            questions.add(new ThemeQuestionInput(question,
                    Translations.clean("themeQuestions[" + i + "].answer", rawQuestions.get(i).answer(), TEXT, errors)));
        }
        CaseStudyInput clean = new CaseStudyInput(in.memberId(), in.organisationId(), original,
                Translations.clean("theme", in.theme(), 1000, errors), name,
                Translations.clean("purpose", in.purpose(), TEXT, errors), Texts.blankToNull(in.leadOrganisation()),
                Translations.clean("leadOrganisationBackground", in.leadOrganisationBackground(), TEXT, errors),
                Texts.blankToNull(in.address()), in.contact(), categories, milieu,
                Translations.clean("background", in.background(), TEXT, errors),
                Translations.clean("description", in.description(), TEXT, errors),
                Translations.clean("objectives", in.objectives(), TEXT, errors),
                Translations.clean("geographicalFocus", in.geographicalFocus(), TEXT, errors),
                Translations.clean("partnerships", in.partnerships(), TEXT, errors), kinds,
                Translations.clean("otherTiersOfGovernment", in.otherTiersOfGovernment(), TEXT, errors),
                Translations.clean("fundingMix", in.fundingMix(), TEXT, errors),
                Translations.clean("targetGroups", in.targetGroups(), TEXT, errors), ResourceService.distinct(in.targetGroupCodes()),
                Translations.clean("successes", in.successes(), TEXT, errors),
                Translations.clean("problems", in.problems(), TEXT, errors),
                Translations.clean("lessonsLearned", in.lessonsLearned(), TEXT, errors), questions,
                ResourceService.distinct(in.topics()), clusters);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return clean;
    }

    private String memberName(Long memberId) {
        if (memberId == null) {
            return null;
        }
        MemberCity city = MemberCity.findById(memberId);
        return city == null ? null : city.name;
    }

    private CaseStudy view(CaseStudyRecord r, List<String> wanted) {
        CaseStudyInput c = documents.read(r.body, CaseStudyInput.class);
        Localizer l = new Localizer(wanted, c.originalLanguage());
        boolean privileged = isEditor(r);
        List<CaseStudyCategory> categories = c.categoryIds().stream()
                .map(id -> CaseStudyCategoryRecord.<CaseStudyCategoryRecord>findById(id)).filter(java.util.Objects::nonNull)
                .map(cat -> category(cat, wanted)).toList();
        String theme = l.text("theme", c.theme());
        String name = l.text("name", c.name());
        String purpose = l.text("purpose", c.purpose());
        String leadBackground = l.text("leadOrganisationBackground", c.leadOrganisationBackground());
        Milieu milieu = new Milieu(l.text("milieu.economic", c.milieu().economic()), l.text("milieu.geographical", c.milieu().geographical()),
                l.text("milieu.politicalGovernance", c.milieu().politicalGovernance()), l.text("milieu.cultural", c.milieu().cultural()),
                l.text("milieu.other", c.milieu().other()));
        String background = l.text("background", c.background());
        String description = l.text("description", c.description());
        String objectives = l.text("objectives", c.objectives());
        String focus = l.text("geographicalFocus", c.geographicalFocus());
        String partnerships = l.text("partnerships", c.partnerships());
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < c.partnershipKinds().size(); i++) {
            kinds.add(l.text("partnershipKinds[" + i + "]", c.partnershipKinds().get(i)));
        }
        String tiers = l.text("otherTiersOfGovernment", c.otherTiersOfGovernment());
        String funding = l.text("fundingMix", c.fundingMix());
        String targetGroups = l.text("targetGroups", c.targetGroups());
        String successes = l.text("successes", c.successes());
        String problems = l.text("problems", c.problems());
        String lessons = l.text("lessonsLearned", c.lessonsLearned());
        List<ThemeQuestion> questions = new ArrayList<>();
        for (int i = 0; i < c.themeQuestions().size(); i++) {
            ThemeQuestionInput q = c.themeQuestions().get(i);
            questions.add(new ThemeQuestion(l.text("themeQuestions[" + i + "].question", q.question()),
                    l.text("themeQuestions[" + i + "].answer", q.answer())));
        }
        return new CaseStudy(r.id, r.status, r.memberId, memberName(r.memberId), r.organisationId, c.originalLanguage(),
                List.copyOf(c.name().keySet()), l.fallbackFields(), theme, name, purpose, c.leadOrganisation(), leadBackground,
                privileged ? c.address() : null, privileged ? c.contact() : null, categories, milieu, background, description,
                objectives, focus, partnerships, kinds, tiers, funding, targetGroups, c.targetGroupCodes(), successes, problems,
                lessons, questions, c.topics(), c.clusterIds(), privileged ? r.returnComment : null, r.submittedAt, r.publishedAt,
                l.translations(), r.version);
    }
}
