-- SAKIP (performance accountability). Numbers of indicators are exact decimals; instants are UTC.

-- ids for the rows below, taken under a row lock (UPDATE ... then SELECT) so concurrent writers never share one
CREATE TABLE sakip_sequence (
    name       VARCHAR(40) PRIMARY KEY,
    next_value BIGINT      NOT NULL
);
INSERT INTO sakip_sequence (name, next_value) VALUES ('id', 1);

-- the module's own agencies (perangkat daerah); codes as in budgeting's agencies so the budget link works
CREATE TABLE sakip_agency (
    code VARCHAR(40)  PRIMARY KEY,
    name VARCHAR(300) NOT NULL
);

-- which agency a sakip-planner or sakip-agency-head works for
CREATE TABLE sakip_agency_user (
    username    VARCHAR(100) PRIMARY KEY,
    agency_code VARCHAR(40)  NOT NULL REFERENCES sakip_agency (code)
);

CREATE TABLE sakip_renstra (
    id          BIGINT       PRIMARY KEY,
    agency_code VARCHAR(40)  NOT NULL REFERENCES sakip_agency (code),
    start_year  INT          NOT NULL,
    end_year    INT          NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT sakip_renstra_period UNIQUE (agency_code, start_year)
);

CREATE TABLE sakip_goal (
    id         BIGINT        PRIMARY KEY,
    renstra_id BIGINT        NOT NULL REFERENCES sakip_renstra (id),
    code       VARCHAR(40)   NOT NULL,
    statement  VARCHAR(1000) NOT NULL,
    CONSTRAINT sakip_goal_code UNIQUE (renstra_id, code)
);

CREATE TABLE sakip_objective (
    id               BIGINT        PRIMARY KEY,
    goal_id          BIGINT        NOT NULL REFERENCES sakip_goal (id),
    renstra_id       BIGINT        NOT NULL REFERENCES sakip_renstra (id),
    code             VARCHAR(40)   NOT NULL,
    statement        VARCHAR(1000) NOT NULL,
    region_objective VARCHAR(1000),
    CONSTRAINT sakip_objective_code UNIQUE (renstra_id, code)
);

CREATE TABLE sakip_indicator (
    id           BIGINT         PRIMARY KEY,
    objective_id BIGINT         NOT NULL REFERENCES sakip_objective (id),
    renstra_id   BIGINT         NOT NULL REFERENCES sakip_renstra (id),
    code         VARCHAR(40)    NOT NULL,
    name         VARCHAR(1000)  NOT NULL,
    unit         VARCHAR(100)   NOT NULL,
    direction    VARCHAR(20)    NOT NULL,
    baseline     DECIMAL(24, 4),
    CONSTRAINT sakip_indicator_code UNIQUE (renstra_id, code)
);

-- the Renstra target of an indicator for each year of the period; target_high only for a RANGE indicator
CREATE TABLE sakip_indicator_target (
    indicator_id BIGINT         NOT NULL REFERENCES sakip_indicator (id),
    target_year  INT            NOT NULL,
    target       DECIMAL(24, 4) NOT NULL,
    target_high  DECIMAL(24, 4),
    PRIMARY KEY (indicator_id, target_year)
);

-- performance agreement (Perjanjian Kinerja): one row per version; a signed version is never changed
CREATE TABLE sakip_agreement (
    id          BIGINT        PRIMARY KEY,
    agency_code VARCHAR(40)   NOT NULL REFERENCES sakip_agency (code),
    pk_year     INT           NOT NULL,
    version     INT           NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    reason      VARCHAR(1000),
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    signed_by   VARCHAR(100),
    signed_at   TIMESTAMP,
    CONSTRAINT sakip_agreement_version UNIQUE (agency_code, pk_year, version)
);

CREATE TABLE sakip_agreement_indicator (
    agreement_id BIGINT         NOT NULL REFERENCES sakip_agreement (id),
    indicator_id BIGINT         NOT NULL REFERENCES sakip_indicator (id),
    target       DECIMAL(24, 4) NOT NULL,
    target_high  DECIMAL(24, 4),
    PRIMARY KEY (agreement_id, indicator_id)
);

-- the budget programmes (Permendagri 90/2019 program codes, e.g. 1.01.02) that deliver an indicator
CREATE TABLE sakip_agreement_programme (
    agreement_id   BIGINT      NOT NULL REFERENCES sakip_agreement (id),
    indicator_id   BIGINT      NOT NULL REFERENCES sakip_indicator (id),
    programme_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (agreement_id, indicator_id, programme_code)
);

-- realisation per quarter (triwulan 1-4), cumulative up to the quarter, with its evidence
CREATE TABLE sakip_realisation (
    indicator_id    BIGINT         NOT NULL REFERENCES sakip_indicator (id),
    real_year       INT            NOT NULL,
    quarter         INT            NOT NULL,
    real_value      DECIMAL(24, 4) NOT NULL,
    note            VARCHAR(2000),
    link            VARCHAR(1000),
    attachment_name VARCHAR(200),
    attachment_type VARCHAR(100),
    attachment      BYTEA,
    recorded_by     VARCHAR(100)   NOT NULL,
    recorded_at     TIMESTAMP      NOT NULL,
    PRIMARY KEY (indicator_id, real_year, quarter)
);

-- LKE worksheet: the evaluator's score (0-100) per component and sub-component, per agency and year
CREATE TABLE sakip_evaluation_score (
    agency_code  VARCHAR(40)   NOT NULL REFERENCES sakip_agency (code),
    eval_year    INT           NOT NULL,
    component    VARCHAR(40)   NOT NULL,
    subcomponent VARCHAR(40)   NOT NULL,
    score        DECIMAL(5, 2) NOT NULL,
    PRIMARY KEY (agency_code, eval_year, component, subcomponent)
);

CREATE TABLE sakip_evaluation (
    agency_code  VARCHAR(40)   NOT NULL REFERENCES sakip_agency (code),
    eval_year    INT           NOT NULL,
    total        DECIMAL(7, 2) NOT NULL,
    grade        VARCHAR(2)    NOT NULL,
    note         VARCHAR(2000),
    evaluated_by VARCHAR(100)  NOT NULL,
    evaluated_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (agency_code, eval_year)
);
