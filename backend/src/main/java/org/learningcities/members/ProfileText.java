package org.learningcities.members;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The three narrative parts of a city's public profile, in one language. */
@Embeddable
public class ProfileText {
    @Column(name = "vision_and_motivation")
    public String visionAndMotivation;
    @Column(name = "challenges_and_goals")
    public String challengesAndGoals;
    @Column(name = "plan_and_implementation")
    public String planAndImplementation;

    public ProfileText() {
    }

    public ProfileText(String visionAndMotivation, String challengesAndGoals, String planAndImplementation) {
        this.visionAndMotivation = visionAndMotivation;
        this.challengesAndGoals = challengesAndGoals;
        this.planAndImplementation = planAndImplementation;
    }

    public boolean isEmpty() {
        return blank(visionAndMotivation) && blank(challengesAndGoals) && blank(planAndImplementation);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
