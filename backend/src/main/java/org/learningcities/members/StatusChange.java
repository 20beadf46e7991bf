package org.learningcities.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One change of a city's membership status; never edited. */
@Entity
@Table(name = "member_status_change")
public class StatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public Long memberId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public MemberStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public MemberStatus toStatus;
    @Column(name = "change_date")
    public LocalDate date;
    public String reason;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at", updatable = false)
    public Instant recordedAt = Instant.now();
}
