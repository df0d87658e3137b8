-- Version 1 of the tables of org.jiandu.rest on PostgreSQL: exactly what EclipseLink 2.7.15's DDL generation
-- (create-or-extend-tables, target PostgreSQL) created from the entities before migrations existed, so that a database
-- it created is baselined at this version and a new one comes out the same (docs/MIGRATIONS.md).
-- Never edit a migration that has been released: add V2__…, V3__… instead.
CREATE TABLE JD_AUDIT (ID BIGINT NOT NULL, AT_MILLIS BIGINT NOT NULL, DURATION_MS BIGINT NOT NULL, METHOD VARCHAR(16) NOT NULL, ORGANISATION VARCHAR(64), PATH VARCHAR(1024) NOT NULL, QUERY VARCHAR(1024), REMOTE VARCHAR(64), STATUS INTEGER NOT NULL, USER_NAME VARCHAR(128), PRIMARY KEY (ID));
CREATE INDEX JD_AUDIT_AT ON JD_AUDIT (AT_MILLIS);
CREATE INDEX JD_AUDIT_USER ON JD_AUDIT (USER_NAME);
CREATE TABLE JD_SEQUENCE (SEQ_NAME VARCHAR(50) NOT NULL, SEQ_COUNT DECIMAL(38), PRIMARY KEY (SEQ_NAME));
INSERT INTO JD_SEQUENCE(SEQ_NAME, SEQ_COUNT) values ('AUDIT', 0);
