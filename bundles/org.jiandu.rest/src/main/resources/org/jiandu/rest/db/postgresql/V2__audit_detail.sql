-- Version 2 of the tables of org.jiandu.rest on PostgreSQL: the detail of an audit record (JSON text), which says what a
-- reveal of masked values showed and why (《个人信息保护法》 Art. 51); null for a plain request.
-- Never edit a migration that has been released: add V3__… instead.
ALTER TABLE JD_AUDIT ADD COLUMN DETAIL VARCHAR(8000);
