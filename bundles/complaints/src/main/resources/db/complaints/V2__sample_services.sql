-- Sample categories for the quick start; a region edits or deactivates them for its own.
INSERT INTO complaints_service (code, name, group_name, description, keywords, agency, active) VALUES
 ('JLN-RUSAK', 'Jalan rusak', 'Infrastruktur', 'Jalan berlubang, retak atau amblas', 'jalan,lubang,aspal', 'Dinas Pekerjaan Umum dan Penataan Ruang', TRUE),
 ('PJU-MATI', 'Penerangan jalan umum mati', 'Infrastruktur', 'Lampu penerangan jalan tidak menyala', 'lampu,pju,gelap', 'Dinas Perhubungan', TRUE),
 ('SAMPAH', 'Sampah tidak terangkut', 'Lingkungan', 'Sampah menumpuk atau tidak diangkut sesuai jadwal', 'sampah,tps,kebersihan', 'Dinas Lingkungan Hidup', TRUE),
 ('BANJIR', 'Genangan dan saluran tersumbat', 'Lingkungan', 'Genangan air, banjir, drainase tersumbat', 'banjir,drainase,got', 'Dinas Pekerjaan Umum dan Penataan Ruang', TRUE),
 ('PELAYANAN', 'Pelayanan publik', 'Pelayanan', 'Keluhan atas pelayanan di kantor pemerintah daerah', 'pelayanan,antrian,petugas', 'Inspektorat', TRUE);
