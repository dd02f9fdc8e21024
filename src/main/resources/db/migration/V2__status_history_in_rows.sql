-- Each status history moves into its entity's own row, packed as "event_id,STATUS,at" entries
-- joined by ';', oldest first (support/StatusHistory reads and writes it). The row is rewritten on
-- every status change anyway, so the history costs no insert of its own: the three history tables
-- were 40% of the rows, and a third of the index entries, that a million-event import wrote.
-- VARCHAR(1000000) is H2's largest; at ~30 characters an entry it holds ~30,000 changes.

ALTER TABLE want ADD COLUMN status_history VARCHAR(1000000) DEFAULT '' NOT NULL;
ALTER TABLE partition_instance ADD COLUMN status_history VARCHAR(1000000) DEFAULT '' NOT NULL;
ALTER TABLE job_run ADD COLUMN status_history VARCHAR(1000000) DEFAULT '' NOT NULL;

-- [jooq ignore start]
UPDATE want SET status_history = COALESCE((
    SELECT STRING_AGG(CAST(h.event_id AS VARCHAR) || ',' || h.status || ',' || CAST(h.at AS VARCHAR), ';' ORDER BY h.event_id)
    FROM want_status_history h WHERE h.want_id = want.want_id), '');
UPDATE partition_instance SET status_history = COALESCE((
    SELECT STRING_AGG(CAST(h.event_id AS VARCHAR) || ',' || h.status || ',' || CAST(h.at AS VARCHAR), ';' ORDER BY h.event_id)
    FROM instance_status_history h WHERE h.uuid = partition_instance.uuid), '');
UPDATE job_run SET status_history = COALESCE((
    SELECT STRING_AGG(CAST(h.event_id AS VARCHAR) || ',' || h.status || ',' || CAST(h.at AS VARCHAR), ';' ORDER BY h.event_id)
    FROM job_run_status_history h WHERE h.job_run_id = job_run.job_run_id), '');
-- [jooq ignore stop]

DROP TABLE want_status_history;
DROP TABLE instance_status_history;
DROP TABLE job_run_status_history;
