package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** One costed activity of a work plan. */
@Entity
@Table(name = "work_plan_activity")
public class WorkPlanActivity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "work_plan_id")
    public long workPlanId;
    public String code;
    @Column(name = "work_area")
    public int workArea;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "responsible_kind")
    public ResponsibleKind responsibleKind;
    @Column(name = "responsible_member_id")
    public Long responsibleMemberId;
    @Column(name = "responsible_organisation_id")
    public Long responsibleOrganisationId;
    @Column(name = "host_member_id")
    public Long hostMemberId;
    @Column(name = "planned_start")
    public LocalDate plannedStart;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "actual_start")
    public LocalDate actualStart;
    @Column(name = "actual_end")
    public LocalDate actualEnd;
    /** Exact money: DECIMAL(15,2), never a floating-point number. */
    @Column(name = "estimated_cost_usd")
    public BigDecimal estimatedCostUsd;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    @Version
    public int version;

    @ElementCollection
    @BatchSize(size = 200)
    @CollectionTable(name = "work_plan_activity_output", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    public List<String> outputs = new ArrayList<>();
}
