package org.learningcities.members;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningcities.common.Texts;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.members.ApplicationViews.ApplicationContact;
import org.learningcities.members.ApplicationViews.ApplicationInput;
import org.learningcities.members.ApplicationViews.ApplicationStepView;
import org.learningcities.members.ApplicationViews.ApplicationView;
import org.learningcities.members.ApplicationViews.DecisionInput;
import org.learningcities.members.ApplicationViews.EndorsementInput;
import org.learningcities.members.ApplicationViews.MembershipCallInput;
import org.learningcities.members.ApplicationViews.MembershipCallView;
import org.learningcities.members.ApplicationViews.Outcome;
import org.learningcities.members.ApplicationViews.RecommendationInput;
import org.learningcities.members.MemberViews.MemberInput;
import org.learningcities.reference.Country;

/**
 * Calls for applications and the admission process: a city applies during an open call, its
 * National Commission endorses (at most three per country and call), a jury recommends, the
 * secretariat decides; admission creates the member city with the applicant as its focal point.
 */
@ApplicationScoped
public class ApplicationService {

    /** Words allowed in each of the motivation and implementation texts. */
    static final int MAX_WORDS = 200;
    /** Applications a National Commission may forward (endorse) per call. */
    static final int MAX_ENDORSED_PER_COUNTRY = 3;

    public record Filter(Long callId, ApplicationState state, String country) {
    }

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    ObjectMapper json;

    // ---- calls

    @Transactional
    public MembershipCallView createCall(MembershipCallInput input) {
        if (input.closesOn().isBefore(input.opensOn())) {
            throw ProblemException.validation("closesOn", "must not be before opensOn (" + input.opensOn() + ")");
        }
        MembershipCall call = new MembershipCall();
        call.title = input.title().trim();
        call.opensOn = input.opensOn();
        call.closesOn = input.closesOn();
        call.createdBy = caller.recordedBy();
        call.persist();
        return callViews(List.of(call)).get(0);
    }

    /** Newest first. */
    public Page<MembershipCallView> listCalls(PageRequest paging) {
        List<MembershipCall> calls = MembershipCall.<MembershipCall>find("order by opensOn desc, id desc")
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(callViews(calls), paging, MembershipCall.count());
    }

    public MembershipCallView getCall(long id) {
        return callViews(List.of(findCall(id))).get(0);
    }

    private static MembershipCall findCall(long id) {
        MembershipCall call = MembershipCall.findById(id);
        if (call == null) {
            throw ProblemException.notFound("There is no call for applications " + id + ".");
        }
        return call;
    }

    private static List<MembershipCallView> callViews(List<MembershipCall> calls) {
        Map<Long, Long> counts = new HashMap<>();
        if (!calls.isEmpty()) {
            MembershipApplication.getEntityManager()
                    .createQuery("select a.callId, count(a) from MembershipApplication a where a.callId in :ids group by a.callId",
                            Object[].class)
                    .setParameter("ids", calls.stream().map(c -> c.id).toList())
                    .getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        LocalDate today = LocalDate.now();
        return calls.stream().map(c -> new MembershipCallView(c.id, c.title, c.opensOn, c.closesOn, c.isOpen(today),
                counts.getOrDefault(c.id, 0L))).toList();
    }

    // ---- submitting

    @Transactional
    public ApplicationView submit(long callId, ApplicationInput input) {
        MembershipCall call = findCall(callId);
        LocalDate today = LocalDate.now();
        if (!call.isOpen(today)) {
            throw new ProblemException(409, "call-closed", "Call not open",
                    "Call " + call.id + " (" + call.title + ") takes applications from " + call.opensOn + " to "
                            + call.closesOn + "; today is " + today + ".", null);
        }
        String country = input.country().trim().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (country.length() != 2 || Country.findById(country) == null) {
            errors.add(new FieldError("country", "'" + input.country() + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        checkWords("motivation", input.motivation(), errors);
        checkWords("implementation", input.implementation(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        // Stored as submitted, with the country code in its canonical form and no challenges as [].
        ApplicationInput stored = new ApplicationInput(input.city(), country, input.website(), input.mayor(), input.contact(),
                input.languageOfCommunication(), input.population(), input.areaKm2(), input.gdpPerCapitaCityUsd(),
                input.gdpPerCapitaCountryUsd(), input.schoolingYearsMen(), input.schoolingYearsWomen(), input.motivation(),
                input.implementation(), input.challenges() == null ? List.of() : input.challenges(), input.interests(),
                input.expertise(), input.commitsToDeclaration());

        MembershipApplication application = new MembershipApplication();
        application.callId = call.id;
        application.applicant = caller.username();
        application.state = ApplicationState.SUBMITTED;
        application.city = input.city().trim();
        application.countryIso2 = country;
        application.inputJson = toJson(stored);
        application.submittedAt = now();
        application.persist();
        recordStep(application, ApplicationState.SUBMITTED, today, null);
        return view(application);
    }

    /** Words are what whitespace (any Unicode space) separates. */
    static int words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("(?U)\\s+").length;
    }

    private static void checkWords(String field, String text, List<FieldError> errors) {
        int count = words(text);
        if (count > MAX_WORDS) {
            errors.add(new FieldError(field, "has " + count + " words; at most " + MAX_WORDS));
        }
    }

    // ---- reading

    /** The secretariat sees every application; anyone else only their own. Oldest first. */
    public Page<ApplicationView> list(Filter filter, PageRequest paging) {
        StringBuilder where = new StringBuilder("from MembershipApplication a where 1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.isSecretariat()) {
            where.append(" and a.applicant = :applicant");
            parameters.and("applicant", caller.username());
        }
        if (filter.callId() != null) {
            where.append(" and a.callId = :callId");
            parameters.and("callId", filter.callId());
        }
        if (filter.state() != null) {
            where.append(" and a.state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and a.countryIso2 = :country");
            parameters.and("country", filter.country().trim().toUpperCase(Locale.ROOT));
        }
        String from = where.toString();
        long total = MembershipApplication.count(from, parameters);
        List<MembershipApplication> applications = MembershipApplication.<MembershipApplication>find(
                        from + " order by a.submittedAt, a.id", parameters)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(views(applications), paging, total);
    }

    public ApplicationView get(long id) {
        if (!caller.isSecretariat()) {
            // Anyone else gets the same 403 for another's application and for one that does not
            // exist, so probing ids tells a stranger nothing.
            MembershipApplication application = MembershipApplication.findById(id);
            if (application == null || !application.applicant.equals(caller.username())) {
                throw new ProblemException(403, "forbidden", "Forbidden",
                        "Only the secretariat and the applicant may see application " + id + ".", null);
            }
            return view(application);
        }
        return view(find(id));
    }

    // ---- the review steps (secretariat)

    @Transactional
    public ApplicationView endorse(long id, EndorsementInput input) {
        // Locking reads only until the call is locked: InnoDB then takes this transaction's snapshot
        // at the count below, after every earlier endorsement of the call has committed.
        MembershipApplication application = lock(id);
        requireState(application, "an endorsement", ApplicationState.SUBMITTED);
        // Endorsements in one call wait for each other here, so two cannot both take the third place.
        MembershipCall.findById(application.callId, LockModeType.PESSIMISTIC_WRITE);
        long forwarded = MembershipApplication.count("callId = ?1 and countryIso2 = ?2 and state <> ?3",
                application.callId, application.countryIso2, ApplicationState.SUBMITTED);
        if (forwarded >= MAX_ENDORSED_PER_COUNTRY) {
            throw new ProblemException(409, "three-per-country", "Three applications per country",
                    "A National Commission forwards at most three applications per call; " + application.countryIso2
                            + " already has " + forwarded + " in this call.", null);
        }
        application.state = ApplicationState.ENDORSED;
        recordStep(application, ApplicationState.ENDORSED, input.date(), input.signatory().trim());
        return view(application);
    }

    @Transactional
    public ApplicationView recommend(long id, RecommendationInput input) {
        MembershipApplication application = lock(id);
        requireState(application, "a recommendation", ApplicationState.ENDORSED);
        application.state = input.recommended() ? ApplicationState.RECOMMENDED : ApplicationState.NOT_RECOMMENDED;
        recordStep(application, application.state, input.date(), Texts.blankToNull(input.note()));
        return view(application);
    }

    /** Admission adds the member city and its focal point in the same transaction as the decision. */
    @Transactional
    public ApplicationView decide(long id, DecisionInput input) {
        MembershipApplication application = lock(id);
        requireState(application, "a decision", ApplicationState.RECOMMENDED, ApplicationState.NOT_RECOMMENDED);
        String reason = Texts.blankToNull(input.reason());
        if (input.outcome() == Outcome.REJECTED) {
            if (reason == null) {
                throw ProblemException.validation("reason", "is required for a rejection");
            }
            application.state = ApplicationState.REJECTED;
        } else {
            ApplicationInput submitted = input(application);
            MemberCity city = members.admit(new MemberInput(null, submitted.city(), submitted.country(),
                            input.date().getYear(), null, submitted.population(), submitted.areaKm2(), submitted.website(),
                            null, null, List.of(submitted.languageOfCommunication()), submitted.mayor(), null, null),
                    input.date(), "Admitted through application " + application.id);
            ApplicationContact contact = submitted.contact();
            FocalPoint focalPoint = new FocalPoint();
            focalPoint.memberId = city.id;
            focalPoint.name = contact.name().trim();
            focalPoint.role = Texts.blankToNull(contact.role());
            focalPoint.organisation = Texts.blankToNull(contact.organisation());
            focalPoint.email = contact.email().trim();
            focalPoint.phone = Texts.blankToNull(contact.phone());
            focalPoint.preferredLanguage = submitted.languageOfCommunication();
            focalPoint.username = application.applicant; // so the applicant can keep the city's profile
            focalPoint.persist();
            application.memberId = city.id;
            application.state = ApplicationState.ADMITTED;
        }
        recordStep(application, application.state, input.date(), reason);
        return view(application);
    }

    private static MembershipApplication find(long id) {
        MembershipApplication application = MembershipApplication.findById(id);
        if (application == null) {
            throw ProblemException.notFound("There is no application " + id + ".");
        }
        return application;
    }

    /** Reads the application with a row lock, so two steps on it cannot both start from the same state. */
    private static MembershipApplication lock(long id) {
        MembershipApplication application = MembershipApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw ProblemException.notFound("There is no application " + id + ".");
        }
        return application;
    }

    private static void requireState(MembershipApplication application, String step, ApplicationState... allowed) {
        for (ApplicationState state : allowed) {
            if (application.state == state) {
                return;
            }
        }
        List<String> names = Arrays.stream(allowed).map(Enum::name).toList();
        throw ProblemException.conflict("Application " + application.id + " is " + application.state + "; " + step
                + " is recorded only for an application that is " + String.join(" or ", names) + ".");
    }

    private void recordStep(MembershipApplication application, ApplicationState state, LocalDate date, String detail) {
        ApplicationStep step = new ApplicationStep();
        step.applicationId = application.id;
        step.step = state;
        step.date = date;
        step.detail = detail;
        step.recordedBy = caller.recordedBy();
        step.recordedAt = now();
        step.persist();
    }

    /** Milliseconds, as the database keeps them, so an answer and a later read agree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- mapping

    private ApplicationView view(MembershipApplication application) {
        return views(List.of(application)).get(0);
    }

    private List<ApplicationView> views(List<MembershipApplication> applications) {
        Map<Long, List<ApplicationStepView>> steps = new HashMap<>();
        if (!applications.isEmpty()) {
            ApplicationStep.<ApplicationStep>list("applicationId in ?1 order by recordedAt, id",
                            applications.stream().map(a -> a.id).toList())
                    .forEach(s -> steps.computeIfAbsent(s.applicationId, k -> new ArrayList<>())
                            .add(new ApplicationStepView(s.step, s.date, s.detail, s.recordedBy, s.recordedAt)));
        }
        return applications.stream().map(a -> new ApplicationView(a.id, a.callId, a.applicant, a.state, a.submittedAt,
                a.memberId, steps.getOrDefault(a.id, List.of()), input(a))).toList();
    }

    private ApplicationInput input(MembershipApplication application) {
        try {
            return json.readValue(application.inputJson, ApplicationInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Application " + application.id + " holds unreadable input", e);
        }
    }

    private String toJson(ApplicationInput input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Application input cannot be stored", e);
        }
    }
}
