-- Version 5 of the tables of org.jiandu.ledger on PostgreSQL (issue 9): the ledger follower's cursors move from recording
-- time to the global index. NEXT_INDEX is the global index of the first entry not yet accepted by the consumer; NULL
-- in a row written before this version, whose POSITION_MILLIS (a recording time) the follower converts to an index
-- once the sequencer has indexed every entry recorded before it. POSITION_MILLIS stays, for display.
-- Never edit a migration that has been released: add V6__… instead.
ALTER TABLE JD_FOLLOWER_CURSOR ADD COLUMN NEXT_INDEX BIGINT;
