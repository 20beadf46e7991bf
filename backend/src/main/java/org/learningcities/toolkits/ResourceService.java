package org.learningcities.toolkits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Texts;
import org.learningcities.common.Versions;
import org.learningcities.toolkits.ToolkitViews.Resource;
import org.learningcities.toolkits.ToolkitViews.ResourceFileView;
import org.learningcities.toolkits.ToolkitViews.ResourceInput;
import org.learningcities.toolkits.ToolkitViews.ResourceSummary;
import org.learningcities.toolkits.ToolkitViews.ResourceType;
import org.learningcities.toolkits.ToolkitViews.ResourceVariant;
import org.learningcities.toolkits.ToolkitViews.SearchKind;
import org.learningcities.toolkits.ToolkitViews.TargetGroup;

/** Resources: typed, multilingual metadata, and per language a file or an external link. */
@ApplicationScoped
public class ResourceService {

    /** 25 MB per file. */
    public static final long MAX_FILE_BYTES = 25L * 1024 * 1024;
    static final int MAX_TEXT = 20000;
    private static final Logger LOG = Logger.getLogger(ResourceService.class);

    @Inject
    Documents documents;

    @Inject
    SearchIndex search;

    @Inject
    FileStore files;

    @Inject
    Caller caller;

    @Inject
    Event<Unreferenced> unreferenced;

    public record ListFilter(ResourceType type, Integer topic, TargetGroup targetGroup, Long project) {
    }

    public record Download(ResourceFile file, long offset, int length, boolean partial) {
    }

    /** Stored bytes a file no longer refers to (it was removed or replaced by other bytes). */
    record Unreferenced(String storeKey) {
    }

    @Transactional
    public Resource create(ResourceInput input, List<String> wanted) {
        ResourceInput clean = validate(input, null);
        requireFreeExternalId(clean.externalId(), null);
        ResourceItem item = new ResourceItem();
        store(item, clean);
        item.persist();
        index(item, clean);
        return view(item, wanted);
    }

    @Transactional
    public Resource update(long id, String ifMatch, ResourceInput input, List<String> wanted) {
        ResourceItem item = find(id);
        Versions.requireMatch(ifMatch, item.version, "The resource");
        ResourceInput clean = validate(input, id);
        requireFreeExternalId(clean.externalId(), id);
        store(item, clean);
        ResourceItem.getEntityManager().flush();
        index(item, clean);
        return view(item, wanted);
    }

    public Resource get(long id, List<String> wanted) {
        return view(find(id), wanted);
    }

    public Page<ResourceSummary> list(ListFilter filter, PageRequest paging, List<String> wanted) {
        StringBuilder sql = new StringBuilder("SELECT id FROM resource_item WHERE 1 = 1");
        Map<String, Object> sqlParameters = new LinkedHashMap<>();
        if (filter.type() != null) {
            sql.append(" AND type = :type");
            sqlParameters.put("type", filter.type().name());
        }
        if (filter.topic() != null) {
            sql.append(" AND JSON_CONTAINS(JSON_EXTRACT(body_json, '$.topics'), :topic)");
            sqlParameters.put("topic", String.valueOf(filter.topic()));
        }
        if (filter.targetGroup() != null) {
            sql.append(" AND JSON_CONTAINS(JSON_EXTRACT(body_json, '$.targetGroups'), :targetGroup)");
            sqlParameters.put("targetGroup", "\"" + filter.targetGroup().name() + "\"");
        }
        if (filter.project() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM project p WHERE p.id = :project"
                    + " AND JSON_CONTAINS(JSON_EXTRACT(p.body_json, '$.outputResourceIds'), CAST(resource_item.id AS CHAR)))");
            sqlParameters.put("project", filter.project());
        }
        var em = ResourceItem.getEntityManager();
        var count = em.createNativeQuery(sql.toString().replace("SELECT id", "SELECT COUNT(*)"));
        var page = em.createNativeQuery(sql + " ORDER BY publication_date IS NULL, publication_date DESC, id DESC LIMIT :limit OFFSET :offset");
        sqlParameters.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        List<Long> ids = ((List<?>) page.getResultList()).stream().map(n -> ((Number) n).longValue()).toList();
        return Page.of(summaries(ids, wanted), paging, total);
    }

    /** The summaries of these resources in the given order; ids that do not exist are left out. */
    public List<ResourceSummary> summaries(List<Long> ids, List<String> wanted) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ResourceItem> byId = new LinkedHashMap<>();
        ResourceItem.<ResourceItem>list("id in ?1", ids).forEach(r -> byId.put(r.id, r));
        List<ResourceSummary> summaries = new ArrayList<>();
        for (Long id : ids) {
            ResourceItem item = byId.get(id);
            if (item != null) {
                summaries.add(summary(item, wanted));
            }
        }
        return summaries;
    }

    /** Refuses ids of resources that do not exist (a toolkit or project may only link real ones). */
    public void requireExisting(String field, List<Long> ids, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<Long> known = new LinkedHashSet<>(ResourceItem.getEntityManager()
                .createQuery("select r.id from ResourceItem r where r.id in ?1", Long.class).setParameter(1, ids).getResultList());
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "there is no resource " + ids.get(i)));
            }
        }
    }

    @Transactional
    public ResourceFileView upload(long resourceId, String language, String fileName, byte[] bytes) {
        ResourceItem item = find(resourceId);
        String tag = Translations.tag(language);
        if (tag == null) {
            throw ProblemException.validation("language", "must be a BCP 47 language tag such as en, fr or pt-BR");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "The file is " + bytes.length + " bytes; at most " + MAX_FILE_BYTES + " (25 MB) are accepted.", null);
        }
        String mediaType = FileTypes.detect(bytes);
        if (mediaType == null) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "The file's content is not a document, image, audio or video of a known kind"
                            + " (HTML, scripts, archives and executables are refused, whatever the file's name).", null);
        }
        String sha256 = sha256(bytes);
        ResourceFile file = ResourceFile.<ResourceFile>find("resourceId = ?1 and language = ?2", resourceId, tag).firstResult();
        if (file == null) {
            file = new ResourceFile();
            file.resourceId = resourceId;
            file.language = tag;
        }
        String replacedKey = file.storeKey;
        file.fileName = safeName(fileName);
        file.mediaType = mediaType;
        file.size = bytes.length;
        file.sha256 = sha256;
        file.storeKey = files.put(sha256, bytes);
        file.uploadedBy = caller.recordedBy();
        file.uploadedAt = Instant.now();
        file.persist();
        // A language has a file or a link: the file replaces the link.
        ResourceInput input = documents.read(item.body, ResourceInput.class);
        Map<String, String> links = new LinkedHashMap<>(Translations.orEmpty(input.links()));
        if (links.remove(tag) != null) {
            store(item, withLinks(input, links));
        } else {
            item.version++; // the resource's variants changed: a stale If-Match must not go through
        }
        ResourceItem.getEntityManager().flush();
        if (replacedKey != null && !replacedKey.equals(file.storeKey)) {
            unreferenced.fire(new Unreferenced(replacedKey));
        }
        return fileView(file);
    }

    /** Removes the file of one language (a wrong upload); its bytes go once this has committed. */
    @Transactional
    public void deleteFile(long resourceId, String language) {
        String tag = Translations.tag(language);
        if (tag == null) {
            throw ProblemException.badRequest("The language must be a BCP 47 tag such as en, fr or pt-BR.",
                    new FieldError("language", "is not a BCP 47 language tag"));
        }
        ResourceItem item = find(resourceId);
        ResourceFile file = ResourceFile.<ResourceFile>find("resourceId = ?1 and language = ?2", resourceId, tag).firstResult();
        if (file == null) {
            throw ProblemException.notFound("Resource " + resourceId + " has no file in " + tag + ".");
        }
        file.delete(); // Hibernate's delete event puts the file's last state in the audit trail
        item.version++; // the resource's variants changed: a stale If-Match must not go through
        ResourceItem.getEntityManager().flush();
        unreferenced.fire(new Unreferenced(file.storeKey));
    }

    /**
     * Deletes bytes no file refers to, only after the transaction that dropped the reference has
     * committed: a rolled-back removal must still find its file, and with an object store (which
     * is not transactional) bytes deleted before the commit could not be brought back. A failure
     * here leaves unreferenced bytes behind, which is harmless, so the removal still succeeds.
     */
    void deleteBytes(@Observes(during = TransactionPhase.AFTER_SUCCESS) Unreferenced released) {
        try {
            QuarkusTransaction.requiringNew().run(() -> files.deleteIfUnreferenced(released.storeKey()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not delete the stored bytes %s; they stay unreferenced", released.storeKey());
        }
    }

    public Download download(long resourceId, long fileId, String range) {
        ResourceFile file = ResourceFile.<ResourceFile>find("id = ?1 and resourceId = ?2", fileId, resourceId).firstResult();
        if (file == null) {
            throw ProblemException.notFound("Resource " + resourceId + " has no file " + fileId + ".");
        }
        long[] r = Ranges.parse(range, file.size);
        if (r == null) {
            return new Download(file, 0, (int) file.size, false);
        }
        return new Download(file, r[0], (int) (r[1] - r[0] + 1), true);
    }

    public byte[] bytes(Download download) {
        return files.read(download.file().storeKey, download.offset(), download.length());
    }

    ResourceItem find(long id) {
        ResourceItem item = ResourceItem.findById(id);
        if (item == null) {
            throw ProblemException.notFound("There is no resource " + id + ".");
        }
        return item;
    }

    /** Writes a validated record (new or not) and its search entries; the import's way in. */
    void save(ResourceItem item, ResourceInput clean) {
        store(item, clean);
        if (item.id == null) {
            item.persist();
        }
        ResourceItem.getEntityManager().flush();
        index(item, clean);
    }

    private void store(ResourceItem item, ResourceInput clean) {
        item.externalId = clean.externalId();
        item.type = clean.type().name();
        item.originalLanguage = clean.originalLanguage();
        item.publicationDate = clean.publicationDate();
        item.body = documents.write(clean);
    }

    private void index(ResourceItem item, ResourceInput r) {
        List<Map<String, String>> texts = new ArrayList<>();
        texts.add(Translations.orEmpty(r.summary()));
        Map<String, String> people = new LinkedHashMap<>();
        String names = String.join(", ", concat(r.authors(), r.organisations()));
        if (!names.isEmpty()) {
            people.put(r.originalLanguage(), names);
        }
        texts.add(people);
        search.replace(SearchKind.RESOURCE, item.id, r.originalLanguage(), true,
                SearchIndex.entries(r.originalLanguage(), r.title(), texts),
                new SearchIndex.Facets(r.topics(), r.targetGroups().stream().map(Enum::name).toList(), null, r.type()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    ResourceInput validate(ResourceInput in, Long id) {
        List<FieldError> errors = new ArrayList<>();
        String original = Translations.tag(in.originalLanguage());
        Map<String, String> title = Translations.clean("title", in.title(), 500, errors);
        Map<String, String> summary = Translations.clean("summary", in.summary(), MAX_TEXT, errors);
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "needs a text in at least one language"));
        } else if (original != null && !title.containsKey(original)) {
            errors.add(new FieldError("title", "needs a text in the original language " + original));
        }
        String licence = Texts.blankToNull(in.licence());
        if (licence != null && !Licences.isValid(licence)) {
            errors.add(new FieldError("licence", "must be an SPDX identifier such as CC-BY-4.0, CC0-1.0 or Apache-2.0, or LicenseRef-<name>"));
        }
        Map<String, String> links = new LinkedHashMap<>();
        Translations.orEmpty(in.links()).forEach((language, link) -> {
            String tag = Translations.tag(language);
            if (tag == null) {
                errors.add(new FieldError("links." + language, "is not a BCP 47 language tag"));
            } else if (Texts.blankToNull(link) != null) {
                if (!isWebLink(link.trim())) {
                    errors.add(new FieldError("links." + language, "must be an http or https URL"));
                } else {
                    links.put(tag, link.trim());
                }
            }
        });
        if (id != null) {
            for (ResourceFile file : ResourceFile.<ResourceFile>list("resourceId", id)) {
                if (links.containsKey(file.language)) {
                    throw ProblemException.conflict("The resource has a file in " + file.language
                            + "; a language has a file or a link, not both. Upload a new file to replace it.");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new ResourceInput(Texts.blankToNull(in.externalId()), in.type(), original, title, summary,
                distinct(in.topics()), distinct(in.targetGroups()), trimmed(in.authors()), trimmed(in.organisations()),
                in.publicationDate(), licence, links);
    }

    private static ResourceInput withLinks(ResourceInput r, Map<String, String> links) {
        return new ResourceInput(r.externalId(), r.type(), r.originalLanguage(), r.title(), r.summary(), r.topics(),
                r.targetGroups(), r.authors(), r.organisations(), r.publicationDate(), r.licence(), links);
    }

    static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).toList();
    }

    static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void requireFreeExternalId(String externalId, Long id) {
        if (externalId != null && ResourceItem.count("externalId = ?1 and id <> ?2", externalId, id == null ? -1L : id) > 0) {
            throw ProblemException.conflict("Another resource has the externalId " + externalId + ".");
        }
    }

    ResourceSummary summary(ResourceItem item, List<String> wanted) {
        ResourceInput r = documents.read(item.body, ResourceInput.class);
        Localizer l = new Localizer(wanted, r.originalLanguage());
        String title = l.text("title", r.title());
        String summary = l.text("summary", r.summary());
        return new ResourceSummary(item.id, r.type(), title, summary, r.originalLanguage(), List.copyOf(r.title().keySet()),
                l.fallbackFields(), r.topics(), r.targetGroups(), r.publicationDate(), r.licence());
    }

    private Resource view(ResourceItem item, List<String> wanted) {
        ResourceInput r = documents.read(item.body, ResourceInput.class);
        Localizer l = new Localizer(wanted, r.originalLanguage());
        String title = l.text("title", r.title());
        String summary = l.text("summary", r.summary());
        Map<String, ResourceVariant> variants = new java.util.TreeMap<>();
        Translations.orEmpty(r.links()).forEach((language, link) -> variants.put(language, new ResourceVariant(language, link, null)));
        for (ResourceFile file : ResourceFile.<ResourceFile>list("resourceId", item.id)) {
            variants.put(file.language, new ResourceVariant(file.language, null, fileView(file)));
        }
        return new Resource(item.id, r.externalId(), r.type(), title, summary, r.originalLanguage(), List.copyOf(r.title().keySet()),
                l.fallbackFields(), r.topics(), r.targetGroups(), r.authors(), r.organisations(), r.publicationDate(),
                r.licence(), List.copyOf(variants.values()), l.translations(), item.version);
    }

    static ResourceFileView fileView(ResourceFile f) {
        return new ResourceFileView(f.id, f.language, f.fileName, f.mediaType, f.size, f.sha256,
                "/api/resources/" + f.resourceId + "/files/" + f.id, f.uploadedAt);
    }

    /** The last path element of the name the client gave, without control characters. */
    private static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
