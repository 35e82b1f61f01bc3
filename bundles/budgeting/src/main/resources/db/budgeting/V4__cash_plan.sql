-- Cash plan (anggaran kas): the DPA budget of an agency's sub kegiatan spread over the twelve months of the year.
-- A plan belongs to a DPA version; setting it again adds a revision, earlier revisions are kept (who, when).
-- month_01 .. month_12 add up exactly to the sub kegiatan's budget in that version.
CREATE TABLE budgeting_cash_plan (
    fiscal_year        INTEGER        NOT NULL,
    version            INTEGER        NOT NULL,
    agency_code        VARCHAR(40)    NOT NULL REFERENCES budgeting_agency (code),
    sub_kegiatan_code  VARCHAR(40)    NOT NULL REFERENCES budgeting_programme (code),
    revision           INTEGER        NOT NULL,
    month_01           DECIMAL(19, 2) NOT NULL,
    month_02           DECIMAL(19, 2) NOT NULL,
    month_03           DECIMAL(19, 2) NOT NULL,
    month_04           DECIMAL(19, 2) NOT NULL,
    month_05           DECIMAL(19, 2) NOT NULL,
    month_06           DECIMAL(19, 2) NOT NULL,
    month_07           DECIMAL(19, 2) NOT NULL,
    month_08           DECIMAL(19, 2) NOT NULL,
    month_09           DECIMAL(19, 2) NOT NULL,
    month_10           DECIMAL(19, 2) NOT NULL,
    month_11           DECIMAL(19, 2) NOT NULL,
    month_12           DECIMAL(19, 2) NOT NULL,
    set_by             VARCHAR(128)   NOT NULL,
    set_at             TIMESTAMP      NOT NULL,
    PRIMARY KEY (fiscal_year, version, agency_code, sub_kegiatan_code, revision)
);
