-- Version 3 of the tables of org.jiandu.ledger on PostgreSQL (issue 9): the organisations other than the case's
-- court that its entrustments (Art. 27 of 法〔2021〕322号) and transfers (Art. 28) let act in the case, on the case head.
-- Never edit a migration that has been released: add V4__… instead.
ALTER TABLE JD_LEDGER_CASE ADD COLUMN ACTING_ORGS VARCHAR(1000);
