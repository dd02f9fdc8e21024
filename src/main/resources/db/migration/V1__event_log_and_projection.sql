-- The event log is the source of truth; every other table is a projection that replay can rebuild.
-- Times are epoch milliseconds (the BEL's own unit). Indexed strings are VARCHAR(n), never TEXT.

CREATE TABLE event_log (
    event_id     BIGINT        NOT NULL,
    event_time   BIGINT        NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    payload      BYTEA         NOT NULL,
    received_at  BIGINT        NOT NULL,
    CONSTRAINT event_log_pk PRIMARY KEY (event_id)
);

-- One row: the writers' lock and the id of the last applied event.
CREATE TABLE log_head (
    id             INT     NOT NULL,
    last_event_id  BIGINT  NOT NULL,
    CONSTRAINT log_head_pk PRIMARY KEY (id)
);
INSERT INTO log_head (id, last_event_id) VALUES (1, 0);

CREATE TABLE want (
    want_id              VARCHAR(255)     NOT NULL,
    created_event_id     BIGINT           NOT NULL,
    created_at           BIGINT           NOT NULL,
    data_timestamp       BIGINT           NOT NULL,
    ttl_seconds          BIGINT           NOT NULL,
    sla_seconds          BIGINT           NOT NULL,
    comment              VARCHAR(100000),
    source_kind          VARCHAR(16)      NOT NULL,
    source_user          VARCHAR(255),
    triggered_by_run_id  VARCHAR(255),
    status               VARCHAR(32)      NOT NULL,
    canceled_event_id    BIGINT,
    canceled_at          BIGINT,
    cancel_comment       VARCHAR(100000),
    cancel_source_kind   VARCHAR(16),
    cancel_source_user   VARCHAR(255),
    cancel_source_run_id VARCHAR(255),
    CONSTRAINT want_pk PRIMARY KEY (want_id)
);
CREATE INDEX want_triggered_by_idx ON want (triggered_by_run_id, created_event_id);
CREATE INDEX want_status_idx ON want (status, created_event_id);
CREATE UNIQUE INDEX want_created_idx ON want (created_event_id, want_id);

CREATE TABLE want_partition (
    want_id   VARCHAR(255)   NOT NULL,
    position  INT            NOT NULL,
    ref       VARCHAR(1024)  NOT NULL,
    CONSTRAINT want_partition_pk PRIMARY KEY (want_id, position)
);
CREATE INDEX want_partition_ref_idx ON want_partition (ref, want_id);

CREATE TABLE want_status_history (
    want_id   VARCHAR(255)  NOT NULL,
    event_id  BIGINT        NOT NULL,
    status    VARCHAR(32)   NOT NULL,
    at        BIGINT        NOT NULL,
    CONSTRAINT want_status_history_pk PRIMARY KEY (want_id, event_id)
);

CREATE TABLE partition_ref (
    ref               VARCHAR(1024)  NOT NULL,
    current_uuid      UUID           NOT NULL,
    first_event_id    BIGINT         NOT NULL,
    CONSTRAINT partition_ref_pk PRIMARY KEY (ref)
);
CREATE INDEX partition_ref_current_idx ON partition_ref (current_uuid);

CREATE TABLE partition_instance (
    uuid                 UUID           NOT NULL,
    ref                  VARCHAR(1024)  NOT NULL,
    job_run_id           VARCHAR(255)   NOT NULL,
    status               VARCHAR(32)    NOT NULL,
    created_event_id     BIGINT         NOT NULL,
    created_at           BIGINT         NOT NULL,
    updated_event_id     BIGINT         NOT NULL,
    superseded_event_id  BIGINT,
    superseded_at        BIGINT,
    -- exact fan-out, kept with the edges, so totalCount never scans a hub's consumers
    consumer_count       INT            NOT NULL,
    downstream_count     INT            NOT NULL,
    CONSTRAINT partition_instance_pk PRIMARY KEY (uuid)
);
CREATE UNIQUE INDEX partition_instance_ref_idx ON partition_instance (ref, created_event_id);
CREATE INDEX partition_instance_run_idx ON partition_instance (job_run_id, ref);

CREATE TABLE instance_status_history (
    uuid      UUID         NOT NULL,
    event_id  BIGINT       NOT NULL,
    status    VARCHAR(32)  NOT NULL,
    at        BIGINT       NOT NULL,
    CONSTRAINT instance_status_history_pk PRIMARY KEY (uuid, event_id)
);

CREATE TABLE job_run (
    job_run_id            VARCHAR(255)     NOT NULL,
    job_label             VARCHAR(1024)    NOT NULL,
    status                VARCHAR(32)      NOT NULL,
    buffered_event_id     BIGINT           NOT NULL,
    buffered_at           BIGINT           NOT NULL,
    queued_at             BIGINT,
    started_at            BIGINT,
    last_heartbeat_at     BIGINT,
    ended_event_id        BIGINT,
    ended_at              BIGINT,
    failure_reason        VARCHAR(100000),
    cancel_comment        VARCHAR(100000),
    cancel_source_kind    VARCHAR(16),
    cancel_source_user    VARCHAR(255),
    cancel_source_run_id  VARCHAR(255),
    previous_attempt_id   VARCHAR(255),
    -- the first run of its retry chain: the whole chain is one indexed lookup
    attempt_root_id       VARCHAR(255)     NOT NULL,
    attempt               INT              NOT NULL,
    CONSTRAINT job_run_pk PRIMARY KEY (job_run_id)
);
CREATE UNIQUE INDEX job_run_buffered_idx ON job_run (buffered_event_id);
CREATE INDEX job_run_label_idx ON job_run (job_label, buffered_event_id);
CREATE INDEX job_run_status_idx ON job_run (status, buffered_event_id);
CREATE UNIQUE INDEX job_run_previous_idx ON job_run (previous_attempt_id);
CREATE INDEX job_run_attempt_root_idx ON job_run (attempt_root_id, attempt);

CREATE TABLE job_run_status_history (
    job_run_id  VARCHAR(255)  NOT NULL,
    event_id    BIGINT        NOT NULL,
    status      VARCHAR(32)   NOT NULL,
    at          BIGINT        NOT NULL,
    CONSTRAINT job_run_status_history_pk PRIMARY KEY (job_run_id, event_id)
);

-- Which wants a run was scheduled for, and for which of its refs.
CREATE TABLE job_run_want (
    job_run_id  VARCHAR(255)   NOT NULL,
    want_id     VARCHAR(255)   NOT NULL,
    ref         VARCHAR(1024)  NOT NULL,
    event_id    BIGINT         NOT NULL,
    CONSTRAINT job_run_want_pk PRIMARY KEY (job_run_id, want_id, ref)
);
CREATE INDEX job_run_want_want_idx ON job_run_want (want_id, event_id, job_run_id);

-- Lineage edges: output instance <- input instance (as canonical when the run reported it), per run.
CREATE TABLE read_dep (
    output_uuid  UUID           NOT NULL,
    input_uuid   UUID           NOT NULL,
    job_run_id   VARCHAR(255)   NOT NULL,
    output_ref   VARCHAR(1024)  NOT NULL,
    input_ref    VARCHAR(1024)  NOT NULL,
    event_id     BIGINT         NOT NULL,
    CONSTRAINT read_dep_pk PRIMARY KEY (output_uuid, input_uuid)
);
CREATE INDEX read_dep_input_idx ON read_dep (input_uuid, event_id, output_uuid);
CREATE INDEX read_dep_run_idx ON read_dep (job_run_id, output_uuid);

-- The inverted consumer index: input instance -> the runs that read it (one row per run).
CREATE TABLE run_read (
    job_run_id  VARCHAR(255)   NOT NULL,
    input_uuid  UUID           NOT NULL,
    input_ref   VARCHAR(1024)  NOT NULL,
    event_id    BIGINT         NOT NULL,
    CONSTRAINT run_read_pk PRIMARY KEY (job_run_id, input_uuid)
);
CREATE INDEX run_read_input_idx ON run_read (input_uuid, event_id, job_run_id);

CREATE TABLE missing_dep (
    job_run_id    VARCHAR(255)   NOT NULL,
    impacted_ref  VARCHAR(1024)  NOT NULL,
    missing_ref   VARCHAR(1024)  NOT NULL,
    event_id      BIGINT         NOT NULL,
    CONSTRAINT missing_dep_pk PRIMARY KEY (job_run_id, impacted_ref, missing_ref)
);
CREATE INDEX missing_dep_missing_idx ON missing_dep (missing_ref, job_run_id);

CREATE TABLE taint (
    taint_id            VARCHAR(255)     NOT NULL,
    created_event_id    BIGINT           NOT NULL,
    created_at          BIGINT           NOT NULL,
    comment             VARCHAR(100000),
    source_kind         VARCHAR(16)      NOT NULL,
    source_user         VARCHAR(255),
    source_run_id       VARCHAR(255),
    canceled_event_id   BIGINT,
    canceled_at         BIGINT,
    CONSTRAINT taint_pk PRIMARY KEY (taint_id)
);

CREATE TABLE taint_instance (
    taint_id      VARCHAR(255)  NOT NULL,
    uuid          UUID          NOT NULL,
    ref           VARCHAR(1024) NOT NULL,
    prior_status  VARCHAR(32)   NOT NULL,
    CONSTRAINT taint_instance_pk PRIMARY KEY (taint_id, uuid)
);
CREATE INDEX taint_instance_uuid_idx ON taint_instance (uuid, taint_id);
