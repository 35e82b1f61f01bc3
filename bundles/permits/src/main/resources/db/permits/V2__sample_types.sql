-- Sample permit types for the quick start; a region edits them (PUT /api/permits/types/{code}) or
-- deactivates them for its own. Amounts are examples, not any region's Perda tariffs.

-- Building approval with retribusi per m² (simplified from the PBG formula: area × building function index
-- × locality index × standard building price; here tariff = 0.4% × Rp 5.000.000 per m²).
INSERT INTO permits_type (code, name, description, required_documents, stages, sla_days, fee_rule,
                          validity_months, renewable, renewal_days_before, number_format, active, updated_at)
VALUES ('PBG', 'Persetujuan Bangunan Gedung',
 'Persetujuan untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung sesuai standar teknis.',
 '[{"code":"ktp","name":"KTP pemohon"},{"code":"sertifikat","name":"Bukti kepemilikan atau penguasaan tanah"},{"code":"kkpr","name":"Konfirmasi Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR)"},{"code":"gambar","name":"Gambar rencana arsitektur"},{"code":"struktur","name":"Perhitungan struktur"}]',
 'verification,technical_review,validation', 28,
 '{"kind":"per_unit","tariff":20000,"unit":"per m²","factors":[{"name":"luas","label":"Luas bangunan","unit":"m²"},{"name":"fungsi","label":"Fungsi bangunan","options":[{"code":"hunian","label":"Hunian","coefficient":0.15},{"code":"sosial_budaya","label":"Sosial dan budaya","coefficient":0.30},{"code":"campuran","label":"Campuran","coefficient":0.60},{"code":"usaha","label":"Usaha","coefficient":0.70}]}]}',
 NULL, FALSE, 0, '640/{seq:4}/PBG/{office}/{month:roman}/{year}', TRUE, CURRENT_TIMESTAMP);

-- Billboard (reklame): retribusi by area × duration × road class, valid one year, renewable.
INSERT INTO permits_type (code, name, description, required_documents, stages, sla_days, fee_rule,
                          validity_months, renewable, renewal_days_before, number_format, active, updated_at)
VALUES ('REKLAME', 'Izin Penyelenggaraan Reklame',
 'Izin memasang reklame papan, billboard atau videotron pada lokasi tertentu untuk jangka waktu tertentu.',
 '[{"code":"ktp","name":"KTP pemohon atau penanggung jawab"},{"code":"desain","name":"Desain dan ukuran reklame"},{"code":"foto_lokasi","name":"Foto dan titik koordinat lokasi"},{"code":"izin_pemilik","name":"Surat persetujuan pemilik lahan atau bangunan"}]',
 'verification,technical_review', 5,
 '{"kind":"per_unit","tariff":25000,"unit":"per m² per bulan","factors":[{"name":"luas","label":"Luas bidang reklame","unit":"m²"},{"name":"durasi","label":"Lama pemasangan","unit":"bulan"},{"name":"lokasi","label":"Kelas jalan","options":[{"code":"protokol","label":"Jalan protokol","coefficient":1.5},{"code":"kolektor","label":"Jalan kolektor","coefficient":1.2},{"code":"lingkungan","label":"Jalan lingkungan","coefficient":1.0}]}],"minimum":100000}',
 12, TRUE, 30, '503/{seq:4}/{type}/{office}/{year}', TRUE, CURRENT_TIMESTAMP);

-- Research permit letter (surat keterangan penelitian): no fee, verification only, valid six months.
INSERT INTO permits_type (code, name, description, required_documents, stages, sla_days, fee_rule,
                          validity_months, renewable, renewal_days_before, number_format, active, updated_at)
VALUES ('SKP', 'Surat Keterangan Penelitian',
 'Surat keterangan bagi mahasiswa, peneliti atau lembaga yang melakukan penelitian di wilayah daerah.',
 '[{"code":"ktp","name":"KTP atau paspor peneliti"},{"code":"surat_pengantar","name":"Surat pengantar dari perguruan tinggi atau lembaga"},{"code":"proposal","name":"Proposal penelitian"}]',
 'verification', 3, '{"kind":"none"}',
 6, FALSE, 0, '070/{seq:4}/{type}/{office}/{year}', TRUE, CURRENT_TIMESTAMP);
