-- Floor of the want fulfilment view (graphql-test/wantFulfilment.graphql): one statement. The want
-- tree (the want, its derivative wants, theirs) is a recursive CTE; every list the document shows is
-- one UNION ALL branch over it, cut to the document's first pages of 20 in the service's order.
-- rows 'want' = want, want.derivativeWants.nodes[], want.derivativeWants.nodes[].derivativeWants.nodes[]
-- rows 'want_ref' = want.partitionRefs[]
-- rows 'want_status' = want.statusHistory[]
-- packed 'want_status' = k
-- rows 'instance' = want.partitions.nodes[], want.derivativeWants.nodes[].partitions.nodes[]
-- rows 'builder_status' = want.partitions.nodes[].builtBy.statusHistory[]
-- packed 'builder_status' = a
-- rows 'builder_read' = want.partitions.nodes[].builtBy.read.nodes[]
-- rows 'run' = want.jobRuns.nodes[], want.derivativeWants.nodes[].jobRuns.nodes[], want.derivativeWants.nodes[].derivativeWants.nodes[].jobRuns.nodes[]
-- packed 'run_status' = a
-- rows 'run_status' = want.jobRuns.nodes[].statusHistory[], want.derivativeWants.nodes[].jobRuns.nodes[].statusHistory[], want.derivativeWants.nodes[].derivativeWants.nodes[].jobRuns.nodes[].statusHistory[]
-- rows 'run_read' = want.jobRuns.nodes[].read.nodes[], want.derivativeWants.nodes[].jobRuns.nodes[].read.nodes[], want.derivativeWants.nodes[].derivativeWants.nodes[].jobRuns.nodes[].read.nodes[]
-- rows 'run_wrote' = want.derivativeWants.nodes[].derivativeWants.nodes[].jobRuns.nodes[].wrote.nodes[]
-- rows 'total' = totalCount
with recursive tree(want_id, parent_id, lvl) as (
    select w.want_id, cast(null as varchar(255)), 0 from want w where w.want_id = :want
    union all
    select w.want_id, t.want_id, t.lvl + 1
    from tree t join want w on w.triggered_by_run_id in (select jw.job_run_id from job_run_want jw where jw.want_id = t.want_id)
    where t.lvl < 2
),
ranked(want_id, parent_id, lvl, rn) as (
    select t.want_id, t.parent_id, t.lvl,
           row_number() over (partition by t.parent_id, t.lvl order by w.created_event_id) as rn
    from tree t join want w on w.want_id = t.want_id
),
kept(want_id, parent_id, lvl) as (
    select want_id, parent_id, lvl from ranked
    where lvl = 0 or (lvl = 1 and rn <= 20)
       or (lvl = 2 and rn <= 20 and parent_id in (select r1.want_id from ranked r1 where r1.lvl = 1 and r1.rn <= 20))
),
runs(owner, parent_id, lvl, job_run_id, job_label, status, attempt, previous_attempt_id, status_history, rn) as (
    select * from (
        select k.want_id as owner, k.parent_id, k.lvl, j.job_run_id, j.job_label, j.status, j.attempt, j.previous_attempt_id,
               j.status_history,
               row_number() over (partition by k.want_id, k.parent_id, k.lvl order by j.buffered_event_id) as rn
        from kept k join job_run j on j.job_run_id in (select jw.job_run_id from job_run_want jw where jw.want_id = k.want_id)
    ) x where rn <= 20
),
inst(owner, lvl, uuid, ref, status, superseded_event_id, job_run_id, rn) as (
    select * from (
        select k.want_id as owner, k.lvl, pi.uuid, pi.ref, pi.status, pi.superseded_event_id, pi.job_run_id,
               row_number() over (partition by k.want_id order by pi.created_event_id, pi.uuid) as rn
        from kept k join job_run_want jw on jw.want_id = k.want_id
        join partition_instance pi on pi.job_run_id = jw.job_run_id and pi.ref = jw.ref
        where k.lvl <= 1
    ) x where rn <= 20
)
select 'want' as section, w.want_id as k, w.status as a, w.comment as b, w.source_kind as c, w.source_user as d,
       w.triggered_by_run_id as e, tr.status as f, w.created_at as n1, cast(k.lvl as bigint) as n2, cast(null as bigint) as n3
from kept k join want w on w.want_id = k.want_id left join job_run tr on tr.job_run_id = w.triggered_by_run_id
union all
select 'want_ref', wp.ref, null, null, null, null, null, null, cast(wp.position as bigint), null, null
from kept k join want_partition wp on wp.want_id = k.want_id where k.lvl = 0
union all
select 'want_status', w.status_history, null, null, null, null, null, null, null, null, null
from kept k join want w on w.want_id = k.want_id where k.lvl = 0
union all
select 'instance', cast(i.uuid as varchar), i.ref, i.status, i.job_run_id, j.status, null, null, i.superseded_event_id,
       cast(i.lvl as bigint), null
from inst i left join job_run j on j.job_run_id = i.job_run_id
union all
select 'builder_status', j.job_run_id, j.status_history, null, null, null, null, null, null, null, null
from inst i join job_run j on j.job_run_id = i.job_run_id where i.lvl = 0
union all
select 'builder_read', cast(x.uuid as varchar), x.ref, x.status, null, null, null, null, null, null, null
from (select pi.uuid, pi.ref, pi.status,
             row_number() over (partition by i.uuid order by rr.input_ref, rr.input_uuid) as rn
      from inst i join run_read rr on rr.job_run_id = i.job_run_id join partition_instance pi on pi.uuid = rr.input_uuid
      where i.lvl = 0) x
where x.rn <= 20
union all
select 'run', r.job_run_id, r.job_label, r.status, r.previous_attempt_id, null, null, null, cast(r.attempt as bigint),
       cast(r.lvl as bigint), null
from runs r
union all
select 'run_status', r.job_run_id, r.status_history, null, null, null, null, null, null, null, null
from runs r
union all
select 'run_read', cast(x.uuid as varchar), x.ref, x.status, null, null, null, null, null, null, null
from (select pi.uuid, pi.ref, pi.status,
             row_number() over (partition by r.owner, r.parent_id, r.lvl, r.job_run_id order by rr.input_ref, rr.input_uuid) as rn
      from runs r join run_read rr on rr.job_run_id = r.job_run_id join partition_instance pi on pi.uuid = rr.input_uuid) x
where x.rn <= 20
union all
select 'run_wrote', cast(x.uuid as varchar), x.ref, x.status, null, null, null, null, null, null, null
from (select pi.uuid, pi.ref, pi.status,
             row_number() over (partition by r.owner, r.parent_id, r.job_run_id order by pi.ref) as rn
      from runs r join partition_instance pi on pi.job_run_id = r.job_run_id where r.lvl = 2) x
where x.rn <= 20
union all
select 'total', 'partitions', null, null, null, null, null, null,
       (select count(*) from job_run_want jw where jw.want_id = k.want_id), null, null
from kept k where k.lvl = 0
union all
select 'total', 'jobRuns', null, null, null, null, null, null,
       (select count(distinct jw.job_run_id) from job_run_want jw where jw.want_id = k.want_id), null, null
from kept k where k.lvl = 0
union all
select 'total', 'derivativeWants', null, null, null, null, null, null,
       (select count(*) from want d where d.triggered_by_run_id in
            (select jw.job_run_id from job_run_want jw where jw.want_id = k.want_id)), null, null
from kept k where k.lvl = 0 or k.lvl = 2
