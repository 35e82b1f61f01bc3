-- Agencies (OPD) become the region's own data; categories point at them by code; reports carry what the
-- SP4N-LAPOR! handling needs: disposition, deadlines, closing, and the Open311 fields.

CREATE TABLE complaints_agency (
    code    VARCHAR(32)   NOT NULL PRIMARY KEY,
    name    VARCHAR(200)  NOT NULL UNIQUE,
    active  BOOLEAN       NOT NULL
);

INSERT INTO complaints_agency (code, name, active) VALUES
 ('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', TRUE),
 ('DISHUB', 'Dinas Perhubungan', TRUE),
 ('DLH', 'Dinas Lingkungan Hidup', TRUE),
 ('INSPEKTORAT', 'Inspektorat', TRUE),
 ('DISKOMINFO', 'Dinas Komunikasi dan Informatika', TRUE),
 ('DINKES', 'Dinas Kesehatan', TRUE),
 ('DISDIK', 'Dinas Pendidikan', TRUE),
 ('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', TRUE);

-- Agencies a region typed into its categories that are not in the list above keep their names.
INSERT INTO complaints_agency (code, name, active)
SELECT 'OPD-' || CAST(ROW_NUMBER() OVER (ORDER BY d.agency) AS VARCHAR(10)), d.agency, TRUE
FROM (SELECT DISTINCT agency FROM complaints_service
      WHERE agency NOT IN (SELECT name FROM complaints_agency)) d;

ALTER TABLE complaints_service ADD COLUMN agency_code VARCHAR(32);
UPDATE complaints_service SET agency_code = (SELECT a.code FROM complaints_agency a WHERE a.name = complaints_service.agency);
ALTER TABLE complaints_service ALTER COLUMN agency_code SET NOT NULL;
ALTER TABLE complaints_service ADD CONSTRAINT complaints_service_agency_fk
    FOREIGN KEY (agency_code) REFERENCES complaints_agency (code);
ALTER TABLE complaints_service DROP COLUMN agency;

-- Which answer deadline applies to the category: SIMPLE, INVESTIGATION or FIELD_CHECK (DeadlineRules).
ALTER TABLE complaints_service ADD COLUMN deadline_rule VARCHAR(16) DEFAULT 'INVESTIGATION' NOT NULL;
UPDATE complaints_service SET deadline_rule = 'FIELD_CHECK' WHERE code IN ('JLN-RUSAK', 'BANJIR');
UPDATE complaints_service SET deadline_rule = 'SIMPLE' WHERE code IN ('PJU-MATI', 'SAMPAH');

-- Open311 service definitions: extra questions a category asks (metadata = true when it has any).
CREATE TABLE complaints_service_attribute (
    service_code  VARCHAR(32)   NOT NULL REFERENCES complaints_service (code),
    code          VARCHAR(64)   NOT NULL,
    sort_order    INT           NOT NULL,
    datatype      VARCHAR(16)   NOT NULL,
    required      BOOLEAN       NOT NULL,
    description   VARCHAR(500)  NOT NULL,
    datatype_description VARCHAR(500),
    -- for singlevaluelist and multivaluelist: "key=Name" entries separated by '|'
    value_list    VARCHAR(2000),
    PRIMARY KEY (service_code, code)
);

INSERT INTO complaints_service_attribute
    (service_code, code, sort_order, datatype, required, description, datatype_description, value_list) VALUES
 ('JLN-RUSAK', 'ukuran', 1, 'singlevaluelist', TRUE, 'Seberapa besar kerusakan jalan?', NULL,
  'kecil=Kecil (kurang dari 1 meter)|sedang=Sedang (1 sampai 3 meter)|besar=Besar (lebih dari 3 meter)'),
 ('JLN-RUSAK', 'membahayakan', 2, 'singlevaluelist', FALSE, 'Apakah kerusakan membahayakan pengendara?', NULL,
  'ya=Ya|tidak=Tidak'),
 ('PJU-MATI', 'nomor_tiang', 1, 'string', FALSE, 'Nomor tiang lampu, jika terlihat', 'Tertulis pada tiang', NULL);

CREATE TABLE complaints_report_attribute (
    report_id  BIGINT        NOT NULL REFERENCES complaints_report (id),
    code       VARCHAR(64)   NOT NULL,
    attribute_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (report_id, code, attribute_value)
);

ALTER TABLE complaints_report ADD COLUMN channel VARCHAR(16) DEFAULT 'api' NOT NULL;
ALTER TABLE complaints_report ADD COLUMN address_id VARCHAR(100);
ALTER TABLE complaints_report ADD COLUMN zipcode VARCHAR(10);
ALTER TABLE complaints_report ADD COLUMN media_url VARCHAR(1000);
ALTER TABLE complaints_report ADD COLUMN device_id VARCHAR(200);
ALTER TABLE complaints_report ADD COLUMN account_id VARCHAR(200);
ALTER TABLE complaints_report ADD COLUMN agency_code VARCHAR(32) REFERENCES complaints_agency (code);
ALTER TABLE complaints_report ADD COLUMN instruction VARCHAR(4000);
-- SIMPLE, INVESTIGATION or FIELD_CHECK, chosen at disposition; decides the answer deadline.
ALTER TABLE complaints_report ADD COLUMN handling_track VARCHAR(16);
ALTER TABLE complaints_report ADD COLUMN dispositioned_at TIMESTAMP;
ALTER TABLE complaints_report ADD COLUMN first_response_due TIMESTAMP;
ALTER TABLE complaints_report ADD COLUMN first_response_at TIMESTAMP;
ALTER TABLE complaints_report ADD COLUMN answer_due TIMESTAMP;
ALTER TABLE complaints_report ADD COLUMN closed_at TIMESTAMP;
-- The latest note meant for the public (Open311 status_notes): answers and closing remarks.
ALTER TABLE complaints_report ADD COLUMN status_notes VARCHAR(4000);
-- Two officers acting on one report at once: the second gets a conflict instead of overwriting.
ALTER TABLE complaints_report ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE complaints_report_event ADD COLUMN action VARCHAR(32);
ALTER TABLE complaints_report_event ADD COLUMN agency_code VARCHAR(32);
ALTER TABLE complaints_report_event ADD COLUMN public_note BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE complaints_report_event SET action = 'SUBMIT' WHERE from_status IS NULL;

-- A liaison officer (Admin Penghubung) answers for one agency; the coordinator's console assigns them.
CREATE TABLE complaints_liaison (
    username     VARCHAR(128)  NOT NULL PRIMARY KEY,
    agency_code  VARCHAR(32)   NOT NULL REFERENCES complaints_agency (code)
);

CREATE INDEX complaints_report_agency_idx ON complaints_report (agency_code);
CREATE INDEX complaints_report_submitted_idx ON complaints_report (submitted_at);
CREATE INDEX complaints_report_service_idx ON complaints_report (service_code);
