-- Reference data: the vocabularies of the network's strategy, countries and income groups.
-- Texts people read are kept per language (en, fr, es; countries also ar, zh, ru).

CREATE TABLE unesco_region (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    sort_order  INT          NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    name_fr     VARCHAR(100) NOT NULL,
    name_es     VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE topic_group (
    number      INT          NOT NULL PRIMARY KEY,
    name_en     VARCHAR(200) NOT NULL,
    name_fr     VARCHAR(200) NOT NULL,
    name_es     VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE topic (
    number       INT          NOT NULL PRIMARY KEY,
    code         VARCHAR(40)  NOT NULL UNIQUE,
    group_number INT          NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    name_fr      VARCHAR(200) NOT NULL,
    name_es      VARCHAR(200) NOT NULL,
    CONSTRAINT fk_topic_group FOREIGN KEY (group_number) REFERENCES topic_group (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE work_area (
    number       INT          NOT NULL PRIMARY KEY,
    name_en      VARCHAR(200) NOT NULL,
    name_fr      VARCHAR(200) NOT NULL,
    name_es      VARCHAR(200) NOT NULL,
    objective_en VARCHAR(500) NOT NULL,
    objective_fr VARCHAR(500) NOT NULL,
    objective_es VARCHAR(500) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE income_group (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    sort_order  INT          NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    name_fr     VARCHAR(100) NOT NULL,
    name_es     VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Name columns use an accent- and case-insensitive collation so that `cote` finds Côte d'Ivoire.
CREATE TABLE country (
    iso2           CHAR(2)      NOT NULL PRIMARY KEY,
    iso3           CHAR(3)      NOT NULL UNIQUE,
    numeric_code   INT          NOT NULL,
    name_en        VARCHAR(200) NOT NULL,
    name_fr        VARCHAR(200),
    name_es        VARCHAR(200),
    name_ar        VARCHAR(200),
    name_zh        VARCHAR(200),
    name_ru        VARCHAR(200),
    m49_region     VARCHAR(60),
    m49_sub_region VARCHAR(60),
    unesco_region  VARCHAR(32),
    currencies     VARCHAR(60)  NOT NULL DEFAULT '',
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_country_region FOREIGN KEY (unesco_region) REFERENCES unesco_region (code),
    INDEX ix_country_region (unesco_region)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE income_group_edition (
    code            VARCHAR(32)  NOT NULL PRIMARY KEY,
    effective_date  DATE         NOT NULL,
    source          VARCHAR(300),
    loaded_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_edition_effective (effective_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE country_income_group (
    edition_code   VARCHAR(32)  NOT NULL,
    country_iso2   CHAR(2)      NOT NULL,
    income_group   VARCHAR(20)  NOT NULL,
    lending_category VARCHAR(20),
    PRIMARY KEY (edition_code, country_iso2),
    INDEX ix_cig_group (edition_code, income_group),
    CONSTRAINT fk_cig_edition FOREIGN KEY (edition_code) REFERENCES income_group_edition (code),
    CONSTRAINT fk_cig_country FOREIGN KEY (country_iso2) REFERENCES country (iso2),
    CONSTRAINT fk_cig_group FOREIGN KEY (income_group) REFERENCES income_group (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Data sets loaded once at first start (countries, the first income-group edition, demo data).
-- The primary key makes two instances starting together load each set once.
CREATE TABLE data_seed (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    loaded_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Answers to requests sent with an Idempotency-Key, replayed when the same request comes again.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(100) NOT NULL,
    operation       VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INT          NOT NULL,
    body            LONGTEXT,
    location        VARCHAR(500),
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (idempotency_key, operation)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO unesco_region (code, sort_order, name_en, name_fr, name_es) VALUES
 ('AFRICA', 1, 'Africa', 'Afrique', 'África'),
 ('ARAB_STATES', 2, 'Arab States', 'États arabes', 'Estados Árabes'),
 ('ASIA_PACIFIC', 3, 'Asia and the Pacific', 'Asie et Pacifique', 'Asia y el Pacífico'),
 ('EUROPE_NORTH_AMERICA', 4, 'Europe and North America', 'Europe et Amérique du Nord', 'Europa y América del Norte'),
 ('LATIN_AMERICA_CARIBBEAN', 5, 'Latin America and the Caribbean', 'Amérique latine et Caraïbes', 'América Latina y el Caribe');

-- Official names from the GNLC strategy 2019-2021 (EN/FR/ES). Its Spanish text leaves topics 8-10 in
-- French by mistake; proper Spanish is used there.
INSERT INTO topic_group (number, name_en, name_fr, name_es) VALUES
 (1, 'Green and healthy learning cities', 'Villes apprenantes vertes et saines', 'Ciudades del aprendizaje verdes y saludables'),
 (2, 'Equitable and inclusive learning cities', 'Villes apprenantes équitables et inclusives', 'Ciudades del aprendizaje equitativas e inclusivas'),
 (3, 'Employment and entrepreneurship in learning cities', 'Emploi et entrepreneuriat dans les villes apprenantes', 'Ciudades del aprendizaje con trabajo y espíritu emprendedor'),
 (4, 'Learning city planning and management', 'Planification et gestion d''une ville apprenante', 'Planificación y gestión de una ciudad del aprendizaje');

INSERT INTO topic (number, code, group_number, name_en, name_fr, name_es) VALUES
 (1, 'ESD', 1, 'Education for Sustainable Development (ESD)', 'Éducation au développement durable (EDD)', 'Educación para el Desarrollo Sostenible (EDS)'),
 (2, 'HEALTH_WELLBEING', 1, 'Health and well-being education for all citizens', 'Éducation à la santé et au bien-être pour tous les citoyens', 'Educación en salud y bienestar para todos los ciudadanos'),
 (3, 'GENDER_EQUALITY', 2, 'Gender equality', 'Égalité entre les sexes', 'Equidad de género'),
 (4, 'ELDERLY_PEOPLE', 2, 'Elderly people', 'Personnes âgées', 'Personas mayores'),
 (5, 'MIGRANTS_REFUGEES', 2, 'Integration of migrants and refugees', 'Intégration des migrants et des réfugiés', 'Integración de inmigrantes y refugiados'),
 (6, 'LITERACY', 2, 'Literacy (reading, family literacy)', 'Alphabétisation (lecture, alphabétisation familiale)', 'Alfabetización (lectura y alfabetización familiar)'),
 (7, 'CITIZENSHIP_EDUCATION', 2, 'Citizenship education', 'Éducation à la citoyenneté', 'Educación cívica'),
 (8, 'ENTREPRENEURSHIP', 3, 'Entrepreneurship', 'Entrepreneuriat', 'Emprendimiento'),
 (9, 'ICT_DIGITAL_INCLUSION', 3, 'Information and communication technology (ICT); digitally excluded populations', 'Technologies de l''information et de la communication (TIC) ; populations victimes de la fracture numérique', 'Tecnologías de la información y la comunicación (TIC), poblaciones excluidas digitalmente'),
 (10, 'YOUTH_AT_RISK', 3, 'Youth at risk', 'Jeunes à risques', 'Jóvenes en situación de riesgo'),
 (11, 'EDUCATIONAL_PLANNING', 4, 'Educational planning', 'Planification de l''éducation', 'Planificación educativa'),
 (12, 'MONITORING_EVALUATION', 4, 'Monitoring and evaluation', 'Suivi et évaluation', 'Monitoreo y evaluación');

INSERT INTO work_area (number, name_en, name_fr, name_es, objective_en, objective_fr, objective_es) VALUES
 (1, 'Policy and practice exchange', 'Échange de politiques et de pratiques', 'Intercambio de políticas y prácticas',
  'Sharing information on existing strategies and best practice for lifelong learning in cities.',
  'Partages d''information sur les stratégies existantes et sur les bonnes pratiques en matière d''apprentissage tout au long de la vie dans les villes.',
  'Intercambiar información sobre las estrategias existentes y las buenas prácticas para el aprendizaje a lo largo de toda la vida en las ciudades.'),
 (2, 'Capacity-building and training', 'Renforcement des capacités et formation', 'Creación de capacidad y formación',
  'Building UNESCO GNLC member cities'' capacities to advance the thematic areas from a lifelong learning perspective.',
  'Renforcement des capacités des villes membres du Réseau mondial UNESCO des villes apprenantes pour promouvoir les domaines thématiques du point de vue de l''apprentissage tout au long de la vie.',
  'Fortalecer las capacidades de las ciudades miembro de la GNLC de la UNESCO para impulsar las áreas temáticas desde una perspectiva de aprendizaje a lo largo de toda la vida.'),
 (3, 'Knowledge production and sharing', 'Production et partage des connaissances et du savoir', 'Creación e intercambio de conocimientos',
  'Facilitating knowledge production to inform policy-making, strategy formulation and project implementation at the local level.',
  'Facilitation de la production de connaissances pour documenter les décisions politiques, la formulation de stratégies et la mise en œuvre de projets à l''échelle locale.',
  'Facilitar la creación de conocimientos que sirvan de base para la elaboración de políticas, la formulación de estrategias y la ejecución de proyectos a nivel local.'),
 (4, 'Communication', 'Communication', 'Comunicación',
  'Providing a platform for regular communication between UIL, the cluster coordinators and members of the cluster in line with the above priority areas.',
  'Offrir une plate-forme de communication régulière entre l''UIL, les coordinateurs de pôles et les membres des pôles, conformément aux domaines prioritaires ci-dessus.',
  'Proporcionar una plataforma para una comunicación regular entre el UIL, los coordinadores de los grupos y los miembros de los grupos, que responda a las áreas prioritarias antes mencionadas.');

INSERT INTO income_group (code, sort_order, name_en, name_fr, name_es) VALUES
 ('LOW', 1, 'Low income', 'Faible revenu', 'Ingreso bajo'),
 ('LOWER_MIDDLE', 2, 'Lower middle income', 'Revenu intermédiaire, tranche inférieure', 'Ingreso mediano bajo'),
 ('UPPER_MIDDLE', 3, 'Upper middle income', 'Revenu intermédiaire, tranche supérieure', 'Ingreso mediano alto'),
 ('HIGH', 4, 'High income', 'Revenu élevé', 'Ingreso alto');
