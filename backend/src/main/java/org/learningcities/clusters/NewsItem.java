package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A news item of a cluster report, for the network's newsletter once published. */
@Entity
@Table(name = "news_item")
public class NewsItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "report_id")
    public long reportId;
    @Column(name = "cluster_id")
    public long clusterId;
    public int position;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "title_fr")
    public String titleFr;
    @Column(name = "title_es")
    public String titleEs;
    @Column(name = "text_en")
    public String textEn;
    @Column(name = "text_fr")
    public String textFr;
    @Column(name = "text_es")
    public String textEs;
    @Column(name = "news_date")
    public LocalDate newsDate;
    public String link;
    public boolean published;
}
