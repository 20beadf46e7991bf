-- Member cities, their profiles per language, focal points, status history and progress reports.

CREATE TABLE member_city (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id           VARCHAR(100),
    name                  VARCHAR(200)  NOT NULL,
    local_name            VARCHAR(200),
    country_iso2          CHAR(2)       NOT NULL,
    population            BIGINT,
    area_km2              DECIMAL(12,2),
    year_joined           INT           NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    website               VARCHAR(500),
    latitude              DECIMAL(9,6),
    longitude             DECIMAL(9,6),
    languages             VARCHAR(100)  NOT NULL DEFAULT '',
    mayor_name            VARCHAR(200),
    mayor_title           VARCHAR(200),
    last_progress_report  DATE,
    -- 31 December of the second year after the last report (or after joining); kept stored so
    -- "overdue" is an indexed range query at any size.
    next_report_due       DATE          NOT NULL,
    version               INT           NOT NULL DEFAULT 0,
    created_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_member_country FOREIGN KEY (country_iso2) REFERENCES country (iso2),
    CONSTRAINT uq_member_external_id UNIQUE (external_id),
    CONSTRAINT uq_member_country_name UNIQUE (country_iso2, name),
    INDEX ix_member_name (name),
    INDEX ix_member_local_name (local_name),
    INDEX ix_member_status_name (status, name),
    INDEX ix_member_joined (year_joined),
    INDEX ix_member_population (population),
    INDEX ix_member_due (status, next_report_due)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member_topic (
    member_id     BIGINT NOT NULL,
    topic_number  INT    NOT NULL,
    PRIMARY KEY (member_id, topic_number),
    INDEX ix_member_topic_topic (topic_number, member_id),
    CONSTRAINT fk_member_topic_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_topic_topic FOREIGN KEY (topic_number) REFERENCES topic (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member_profile (
    member_id                BIGINT      NOT NULL,
    language                 VARCHAR(2)  NOT NULL,
    vision_and_motivation    TEXT,
    challenges_and_goals     TEXT,
    plan_and_implementation  TEXT,
    PRIMARY KEY (member_id, language),
    CONSTRAINT fk_member_profile_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE focal_point (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id           BIGINT        NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    role                VARCHAR(200),
    organisation        VARCHAR(300),
    email               VARCHAR(254)  NOT NULL,
    phone               VARCHAR(50),
    preferred_language  VARCHAR(2),
    username            VARCHAR(100),
    demo                BOOLEAN       NOT NULL DEFAULT FALSE,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_focal_point_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE CASCADE,
    INDEX ix_focal_point_member (member_id),
    INDEX ix_focal_point_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member_status_change (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id    BIGINT        NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    change_date  DATE          NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_status_change_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE CASCADE,
    INDEX ix_status_change_member (member_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE progress_report (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id    BIGINT        NOT NULL,
    received_on  DATE          NOT NULL,
    link         VARCHAR(500),
    note         VARCHAR(2000),
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_progress_report_member FOREIGN KEY (member_id) REFERENCES member_city (id) ON DELETE CASCADE,
    INDEX ix_progress_report_member (member_id, received_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
