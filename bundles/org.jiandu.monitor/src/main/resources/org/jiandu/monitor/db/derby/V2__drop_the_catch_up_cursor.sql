-- Version 2 of the tables of org.jiandu.monitor (issue 8): the monitor follows the ledger through the ledger
-- follower, whose durable cursor is the ledger bundle's JD_FOLLOWER_CURSOR (consumer jiandu.monitor); the monitor's
-- own catch-up cursor is no longer read or written. After the upgrade the follower delivers the ledger once from
-- its start; each case's JD_MON_CASE.LAST_SEQ makes that a re-read, not a re-evaluation.
-- Never edit a migration that has been released: add V3__… instead.
DROP TABLE JD_MON_CURSOR;
