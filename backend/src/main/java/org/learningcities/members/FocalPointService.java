package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import org.learningcities.common.Texts;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberViews.FocalPointInput;
import org.learningcities.members.MemberViews.FocalPointView;

/**
 * A city's contact people. Not public: the secretariat and the city's own focal points see and
 * edit them; only the secretariat links a login to a city.
 */
@ApplicationScoped
public class FocalPointService {

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    public Page<FocalPointView> list(long memberId) {
        members.find(memberId);
        members.requireSecretariatOrFocalPointOf(memberId);
        return Page.all(FocalPoint.<FocalPoint>list("memberId = ?1 order by id", memberId).stream()
                .map(FocalPointService::view).toList());
    }

    @Transactional
    public FocalPointView add(long memberId, FocalPointInput input) {
        members.find(memberId);
        members.requireSecretariatOrFocalPointOf(memberId);
        requireSecretariatToLink(null, input.username());
        FocalPoint focalPoint = new FocalPoint();
        focalPoint.memberId = memberId;
        apply(focalPoint, input);
        focalPoint.persist();
        return view(focalPoint);
    }

    /** Adds a focal point without a caller check: for admissions and demo data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FocalPoint addTrusted(long memberId, FocalPointInput input, boolean demo) {
        FocalPoint focalPoint = new FocalPoint();
        focalPoint.memberId = memberId;
        focalPoint.demo = demo;
        apply(focalPoint, input);
        focalPoint.persist();
        return focalPoint;
    }

    @Transactional
    public FocalPointView update(long memberId, long id, String ifMatch, FocalPointInput input) {
        FocalPoint focalPoint = find(memberId, id);
        members.requireSecretariatOrFocalPointOf(memberId);
        Versions.requireMatch(ifMatch, focalPoint.version, "Focal point " + id);
        requireSecretariatToLink(focalPoint.username, input.username());
        apply(focalPoint, input);
        focalPoint.flush();
        return view(focalPoint);
    }

    @Transactional
    public void remove(long memberId, long id) {
        FocalPoint focalPoint = find(memberId, id);
        members.requireSecretariatOrFocalPointOf(memberId);
        focalPoint.delete();
    }

    private FocalPoint find(long memberId, long id) {
        members.find(memberId);
        FocalPoint focalPoint = FocalPoint.findById(id);
        if (focalPoint == null || !focalPoint.memberId.equals(memberId)) {
            throw ProblemException.notFound("City " + memberId + " has no focal point " + id + ".");
        }
        return focalPoint;
    }

    private void requireSecretariatToLink(String current, String wanted) {
        String target = Texts.blankToNull(wanted);
        if (!Objects.equals(current, target) && !caller.isSecretariat()) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only the secretariat links a login (username) to a city.", null);
        }
    }

    private static void apply(FocalPoint focalPoint, FocalPointInput input) {
        focalPoint.name = input.name().trim();
        focalPoint.role = Texts.blankToNull(input.role());
        focalPoint.organisation = Texts.blankToNull(input.organisation());
        focalPoint.email = input.email().trim();
        focalPoint.phone = Texts.blankToNull(input.phone());
        focalPoint.preferredLanguage = Texts.blankToNull(input.preferredLanguage());
        focalPoint.username = Texts.blankToNull(input.username());
    }

    static FocalPointView view(FocalPoint f) {
        return new FocalPointView(f.id, f.name, f.role, f.organisation, f.email, f.phone, f.preferredLanguage,
                f.username, f.demo, f.version);
    }
}
