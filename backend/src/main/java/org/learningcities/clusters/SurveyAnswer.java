package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** A city's answer to a survey: its primary concerns, willingness to coordinate, and the questionnaire. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "survey_id")
    public long surveyId;
    @Column(name = "member_id")
    public long memberId;
    @Column(name = "willing_to_coordinate")
    public boolean willingToCoordinate;
    @Column(name = "host_experts_meeting")
    public boolean hostExpertsMeeting;
    @Column(name = "host_exchange_activities")
    public boolean hostExchangeActivities;
    @Column(name = "capacity_building_workshop")
    public boolean capacityBuildingWorkshop;
    @Column(name = "research_case_studies")
    public boolean researchCaseStudies;
    @Column(name = "financial_contribution")
    public boolean financialContribution;
    @Column(name = "other_contribution")
    public String otherContribution;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Version
    public int version;

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "survey_answer_topic", joinColumns = @JoinColumn(name = "answer_id"))
    @Column(name = "topic_number")
    public Set<Integer> primaryTopics = new TreeSet<>();

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "survey_answer_coordinate_topic", joinColumns = @JoinColumn(name = "answer_id"))
    @Column(name = "topic_number")
    public Set<Integer> coordinateTopics = new TreeSet<>();

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "survey_answer_coordinate_cluster", joinColumns = @JoinColumn(name = "answer_id"))
    @Column(name = "cluster_id")
    public Set<Long> coordinateClusterIds = new TreeSet<>();
}
