-- Floor of the job run detail view (graphql-test/jobRunDetail.graphql): one statement, one UNION ALL
-- branch per list the document shows, every value in typed columns. "rows 'x' = path" says which
-- JSON of our answer a section's rows stand for; the benchmark asserts the counts are equal.
-- Pages are the document's default first 20, in the service's order.
-- rows 'run' = jobRun
-- rows 'scheduled_for' = jobRun.scheduledFor.nodes[]
-- rows 'read' = jobRun.read.nodes[]
-- rows 'wrote' = jobRun.wrote.nodes[]
-- rows 'status' = jobRun.statusHistory[]
-- packed 'status' = a
-- rows 'missing' = jobRun.missingDeps[]
-- rows 'prev' = jobRun.previousAttempt
-- rows 'prev_missing' = jobRun.previousAttempt.missingDeps[]
-- rows 'prev_derivative' = jobRun.previousAttempt.derivativeWants.nodes[]
-- rows 'prev_wrote' = jobRun.previousAttempt.wrote.nodes[]
-- rows 'prev_next' = jobRun.previousAttempt.nextAttempt
-- rows 'next' = jobRun.nextAttempt
-- rows 'attempt' = jobRun.attempts[]
-- rows 'upstream' = jobRun.upstream.nodes[]
-- rows 'downstream' = jobRun.downstream.nodes[]
-- rows 'total' = totalCount
with r as (select * from job_run where job_run_id = :run),
p as (select j.* from r join job_run j on j.job_run_id = r.previous_attempt_id)
select 'run' as section, r.job_run_id as k, r.job_label as a, r.status as b, r.failure_reason as c,
       r.cancel_comment as d, r.cancel_source_kind as e, r.buffered_at as n1, r.queued_at as n2, r.started_at as n3,
       r.last_heartbeat_at as n4, r.ended_at as n5, cast(r.attempt as bigint) as n6
from r
union all
(select 'scheduled_for', w.want_id, null, null, null, null, null, null, null, null, null, null, null
 from r join want w on w.want_id in (select jw.want_id from job_run_want jw where jw.job_run_id = r.job_run_id)
 order by w.created_event_id limit 20)
union all
select 'total', 'scheduledFor', null, null, null, null, null,
       (select count(distinct jw.want_id) from job_run_want jw where jw.job_run_id = r.job_run_id), null, null, null, null, null
from r
union all
(select 'read', cast(pi.uuid as varchar), pi.ref, pi.status, null, null, null, pi.superseded_event_id, null, null, null, null, null
 from r join run_read rr on rr.job_run_id = r.job_run_id join partition_instance pi on pi.uuid = rr.input_uuid
 order by rr.input_ref, rr.input_uuid limit 20)
union all
select 'total', 'read', null, null, null, null, null,
       (select count(*) from run_read rr where rr.job_run_id = r.job_run_id), null, null, null, null, null
from r
union all
(select 'wrote', cast(pi.uuid as varchar), pi.ref, pi.status, null, null, null, pi.superseded_event_id, null, null, null, null, null
 from r join partition_instance pi on pi.job_run_id = r.job_run_id order by pi.ref limit 20)
union all
select 'total', 'wrote', null, null, null, null, null,
       (select count(*) from partition_instance pi where pi.job_run_id = r.job_run_id), null, null, null, null, null
from r
union all
select 'status', r.job_run_id, r.status_history, null, null, null, null, null, null, null, null, null, null
from r
union all
select 'missing', m.job_run_id, m.impacted_ref, m.missing_ref, null, null, null, null, null, null, null, null, null
from r join missing_dep m on m.job_run_id = r.job_run_id
union all
select 'total', 'derivativeWants', null, null, null, null, null,
       (select count(*) from want w where w.triggered_by_run_id = r.job_run_id), null, null, null, null, null
from r
union all
select 'prev', p.job_run_id, p.status, null, null, null, null, null, null, null, null, null, null
from p
union all
select 'prev_missing', m.job_run_id, m.impacted_ref, m.missing_ref, pr.ref, null, null, null, null, null, null, null, null
from p join missing_dep m on m.job_run_id = p.job_run_id left join partition_ref pr on pr.ref = m.missing_ref
union all
(select 'prev_derivative', w.want_id, w.triggered_by_run_id, null, null, null, null, null, null, null, null, null, null
 from p join want w on w.triggered_by_run_id = p.job_run_id order by w.created_event_id limit 20)
union all
select 'total', 'prev.derivativeWants', null, null, null, null, null,
       (select count(*) from want w where w.triggered_by_run_id = p.job_run_id), null, null, null, null, null
from p
union all
(select 'prev_wrote', cast(pi.uuid as varchar), pi.status, null, null, null, null, pi.superseded_event_id, null, null, null, null, null
 from p join partition_instance pi on pi.job_run_id = p.job_run_id order by pi.ref limit 20)
union all
select 'prev_next', n.job_run_id, null, null, null, null, null, null, null, null, null, null, null
from p join job_run n on n.previous_attempt_id = p.job_run_id
union all
select 'next', n.job_run_id, null, null, null, null, null, null, null, null, null, null, null
from r join job_run n on n.previous_attempt_id = r.job_run_id
union all
select 'attempt', a.job_run_id, a.status, null, null, null, null, cast(a.attempt as bigint), null, null, null, null, null
from r join job_run a on a.attempt_root_id = r.attempt_root_id
union all
(select 'upstream', j.job_run_id, null, null, null, null, null, null, null, null, null, null, null
 from r join job_run j on j.job_run_id in (select pi.job_run_id from run_read rr
     join partition_instance pi on pi.uuid = rr.input_uuid where rr.job_run_id = r.job_run_id)
 order by j.buffered_event_id limit 20)
union all
select 'total', 'upstream', null, null, null, null, null,
       (select count(distinct pi.job_run_id) from run_read rr join partition_instance pi on pi.uuid = rr.input_uuid
        where rr.job_run_id = r.job_run_id), null, null, null, null, null
from r
union all
(select 'downstream', j.job_run_id, null, null, null, null, null, null, null, null, null, null, null
 from r join job_run j on j.job_run_id in (select rr.job_run_id from partition_instance pi
     join run_read rr on rr.input_uuid = pi.uuid where pi.job_run_id = r.job_run_id)
 order by j.buffered_event_id limit 20)
union all
select 'total', 'downstream', null, null, null, null, null,
       (select count(distinct rr.job_run_id) from partition_instance pi join run_read rr on rr.input_uuid = pi.uuid
        where pi.job_run_id = r.job_run_id), null, null, null, null, null
from r
