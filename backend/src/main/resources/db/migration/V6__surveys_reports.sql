-- Surveys of member cities (one answer per city), six-monthly cluster reports with their news
-- items, and each member city's yearly progress and expected outcomes within a cluster.

CREATE TABLE survey (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term_id    BIGINT        NOT NULL,
    title_en   VARCHAR(300)  NOT NULL,
    title_fr   VARCHAR(300),
    title_es   VARCHAR(300),
    opens_on   DATE          NOT NULL,
    closes_on  DATE          NOT NULL,
    version    INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_survey_term FOREIGN KEY (term_id) REFERENCES cluster_term (id),
    CONSTRAINT ck_survey_dates CHECK (closes_on >= opens_on),
    INDEX ix_survey_term (term_id, opens_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One answer per city and survey: the unique key is the rule.
CREATE TABLE survey_answer (
    id                          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id                   BIGINT         NOT NULL,
    member_id                   BIGINT         NOT NULL,
    willing_to_coordinate       BOOLEAN        NOT NULL DEFAULT FALSE,
    host_experts_meeting        BOOLEAN        NOT NULL DEFAULT FALSE,
    host_exchange_activities    BOOLEAN        NOT NULL DEFAULT FALSE,
    capacity_building_workshop  BOOLEAN        NOT NULL DEFAULT FALSE,
    research_case_studies       BOOLEAN        NOT NULL DEFAULT FALSE,
    financial_contribution      BOOLEAN        NOT NULL DEFAULT FALSE,
    other_contribution          VARCHAR(2000),
    answered_at                 TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at                  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    recorded_by                 VARCHAR(200)   NOT NULL,
    version                     INT            NOT NULL DEFAULT 0,
    CONSTRAINT uq_survey_answer UNIQUE (survey_id, member_id),
    CONSTRAINT fk_survey_answer_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_survey_answer_member FOREIGN KEY (member_id) REFERENCES member_city (id),
    INDEX ix_survey_answer_member (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survey_answer_topic (
    answer_id     BIGINT  NOT NULL,
    topic_number  INT     NOT NULL,
    PRIMARY KEY (answer_id, topic_number),
    CONSTRAINT fk_survey_answer_topic_answer FOREIGN KEY (answer_id) REFERENCES survey_answer (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_answer_topic_topic FOREIGN KEY (topic_number) REFERENCES topic (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survey_answer_coordinate_topic (
    answer_id     BIGINT  NOT NULL,
    topic_number  INT     NOT NULL,
    PRIMARY KEY (answer_id, topic_number),
    CONSTRAINT fk_survey_coord_topic_answer FOREIGN KEY (answer_id) REFERENCES survey_answer (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_coord_topic_topic FOREIGN KEY (topic_number) REFERENCES topic (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survey_answer_coordinate_cluster (
    answer_id   BIGINT  NOT NULL,
    cluster_id  BIGINT  NOT NULL,
    PRIMARY KEY (answer_id, cluster_id),
    CONSTRAINT fk_survey_coord_cluster_answer FOREIGN KEY (answer_id) REFERENCES survey_answer (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_coord_cluster_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A cluster's six-monthly report: one per cluster, term and half-year.
CREATE TABLE cluster_report (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id    BIGINT        NOT NULL,
    term_id       BIGINT        NOT NULL,
    year          INT           NOT NULL,
    half          INT           NOT NULL,
    summary_en    TEXT,
    summary_fr    TEXT,
    summary_es    TEXT,
    submitted_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    submitted_by  VARCHAR(200)  NOT NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_cluster_report UNIQUE (cluster_id, term_id, year, half),
    CONSTRAINT ck_cluster_report_half CHECK (half IN (1, 2)),
    CONSTRAINT fk_cluster_report_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    CONSTRAINT fk_cluster_report_term FOREIGN KEY (term_id) REFERENCES cluster_term (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cluster_report_activity (
    report_id    BIGINT  NOT NULL,
    activity_id  BIGINT  NOT NULL,
    PRIMARY KEY (report_id, activity_id),
    CONSTRAINT fk_report_activity_report FOREIGN KEY (report_id) REFERENCES cluster_report (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_activity_activity FOREIGN KEY (activity_id) REFERENCES work_plan_activity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE news_item (
    id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   BIGINT         NOT NULL,
    cluster_id  BIGINT         NOT NULL,
    position    INT            NOT NULL,
    title_en    VARCHAR(300)   NOT NULL,
    title_fr    VARCHAR(300),
    title_es    VARCHAR(300),
    text_en     TEXT           NOT NULL,
    text_fr     TEXT,
    text_es     TEXT,
    news_date   DATE           NOT NULL,
    link        VARCHAR(500),
    published   BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_news_item_report FOREIGN KEY (report_id) REFERENCES cluster_report (id) ON DELETE CASCADE,
    CONSTRAINT fk_news_item_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    -- GET /api/news: published items by date.
    INDEX ix_news_item_published_date (published, news_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member city's short yearly report within a cluster, for the annual members' meeting.
CREATE TABLE cluster_member_progress (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id   BIGINT        NOT NULL,
    term_id      BIGINT        NOT NULL,
    member_id    BIGINT        NOT NULL,
    year         INT           NOT NULL,
    report_text  TEXT          NOT NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_cluster_member_progress UNIQUE (cluster_id, term_id, member_id, year),
    CONSTRAINT fk_member_progress_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    CONSTRAINT fk_member_progress_term FOREIGN KEY (term_id) REFERENCES cluster_term (id),
    CONSTRAINT fk_member_progress_member FOREIGN KEY (member_id) REFERENCES member_city (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The strategy's three expected outcomes per member city in a cluster.
CREATE TABLE cluster_member_outcome (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cluster_id    BIGINT        NOT NULL,
    term_id       BIGINT        NOT NULL,
    member_id     BIGINT        NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    evidence_url  VARCHAR(500),
    updated_by    VARCHAR(200)  NOT NULL,
    updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_cluster_member_outcome UNIQUE (cluster_id, term_id, member_id, kind),
    CONSTRAINT fk_member_outcome_cluster FOREIGN KEY (cluster_id) REFERENCES cluster (id),
    CONSTRAINT fk_member_outcome_term FOREIGN KEY (term_id) REFERENCES cluster_term (id),
    CONSTRAINT fk_member_outcome_member FOREIGN KEY (member_id) REFERENCES member_city (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
