-- The quick start's agencies, with the same codes as the budgeting module's sample, so a PK's programmes find
-- their budget. A region adds its own with sakip:agency-add or PUT /api/sakip/agencies/{code}.
INSERT INTO sakip_agency (code, name) VALUES
 ('1.01.0.00.0.00.01.0000', 'Dinas Pendidikan'),
 ('1.02.0.00.0.00.01.0000', 'Dinas Kesehatan'),
 ('1.03.0.00.0.00.01.0000', 'Dinas Pekerjaan Umum dan Penataan Ruang');
