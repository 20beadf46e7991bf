package org.learningcities.members;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** A member city of the network. */
@Entity
@Table(name = "member_city")
public class MemberCity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "external_id")
    public String externalId;
    public String name;
    @Column(name = "local_name")
    public String localName;
    @Column(name = "country_iso2")
    public String countryIso2;
    public Long population;
    @Column(name = "area_km2")
    public BigDecimal areaKm2;
    @Column(name = "year_joined")
    public int yearJoined;
    @Enumerated(EnumType.STRING)
    public MemberStatus status = MemberStatus.MEMBER;
    public String website;
    public BigDecimal latitude;
    public BigDecimal longitude;
    /** ISO 639-1 codes, comma-separated. */
    public String languages = "";
    @Column(name = "mayor_name")
    public String mayorName;
    @Column(name = "mayor_title")
    public String mayorTitle;
    @Column(name = "last_progress_report")
    public LocalDate lastProgressReport;
    @Column(name = "next_report_due")
    public LocalDate nextReportDue;
    @Version
    public int version;

    // Lists and imports touch many cities' collections: fetch them in large batches, not one by one.
    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "member_topic", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "topic_number")
    public Set<Integer> topics = new TreeSet<>();

    @ElementCollection
    @BatchSize(size = 500)
    @CollectionTable(name = "member_profile", joinColumns = @JoinColumn(name = "member_id"))
    @MapKeyColumn(name = "language")
    public Map<String, ProfileText> profile = new TreeMap<>();

    public List<String> languageList() {
        return languages == null || languages.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(languages.split(",")));
    }

    /**
     * Biennial progress reports fall due on 31 December of the second year after the last report,
     * or after joining when none has come yet.
     */
    public static LocalDate reportDue(int yearJoined, LocalDate lastReport) {
        int base = lastReport != null ? lastReport.getYear() : yearJoined;
        return LocalDate.of(base + 2, 12, 31);
    }

    public void refreshReportDue() {
        nextReportDue = reportDue(yearJoined, lastProgressReport);
    }

    public boolean reportOverdue(LocalDate today) {
        return reportOverdue(status, nextReportDue, today);
    }

    /** Only a member in good standing owes reports. */
    public static boolean reportOverdue(MemberStatus status, LocalDate nextReportDue, LocalDate today) {
        return status == MemberStatus.MEMBER && nextReportDue != null && nextReportDue.isBefore(today);
    }
}
