ALTER TABLE notes_row ADD COLUMN title VARCHAR(80);
UPDATE notes_row SET title = SUBSTRING(body, 1, 10);
