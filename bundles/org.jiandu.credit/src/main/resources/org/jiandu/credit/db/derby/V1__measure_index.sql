-- Version 1 of the tables of org.jiandu.credit on Derby: the index of credit measures, one row per measure, written
-- by the ledger follower from the case's entries (never by hand: the ledger is the record, this is a projection).
-- FACTS is the measure's facts as JSON; the columns beside it are what the queries select on.
-- Never edit a migration that has been released: add V2__…, V3__… instead.
CREATE TABLE JD_CREDIT_MEASURE (CASE_NUMBER VARCHAR(64) NOT NULL, MEASURE_ID VARCHAR(100) NOT NULL, COURT VARCHAR(32) NOT NULL, PERSON_KEY VARCHAR(64), KIND VARCHAR(16) NOT NULL, LIFT_DUE DATE, GRACE_UNTIL DATE, EXPIRES_ON DATE, ENDED SMALLINT NOT NULL, PUBLISHED SMALLINT NOT NULL, LAST_SEQ BIGINT NOT NULL, FACTS VARCHAR(32000) NOT NULL, PRIMARY KEY (CASE_NUMBER, MEASURE_ID));
CREATE INDEX JD_CREDIT_MEASURE_PERSON ON JD_CREDIT_MEASURE (PERSON_KEY);
CREATE INDEX JD_CREDIT_MEASURE_LIFT ON JD_CREDIT_MEASURE (ENDED, LIFT_DUE);
CREATE INDEX JD_CREDIT_MEASURE_PUBLISHED ON JD_CREDIT_MEASURE (PUBLISHED, ENDED, COURT);
