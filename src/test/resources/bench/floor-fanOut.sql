-- Floor of the fan-out question (FanOutBaselines.DOCUMENT): the first :first runs that read one
-- instance, with what each wrote; one statement.
-- rows 'instance' = partitionInstance
-- rows 'consumer' = partitionInstance.consumers.nodes[]
-- rows 'output' = partitionInstance.consumers.nodes[].wrote.nodes[]
-- rows 'total' = totalCount
with c as (select rr.job_run_id, rr.event_id from run_read rr where rr.input_uuid = :uuid
           order by rr.event_id, rr.job_run_id limit :first)
select 'instance' as section, pi.ref as k, cast(null as varchar(255)) as a, cast(null as varchar(1024)) as b,
       cast(pi.consumer_count as bigint) as n1
from partition_instance pi where pi.uuid = :uuid
union all
select 'total', 'consumers', null, null, cast(pi.consumer_count as bigint) from partition_instance pi where pi.uuid = :uuid
union all
select 'consumer', c.job_run_id, j.status, null, c.event_id from c join job_run j on j.job_run_id = c.job_run_id
union all
select 'output', cast(o.uuid as varchar), o.ref, o.status, null from c join partition_instance o on o.job_run_id = c.job_run_id
union all
select 'total', 'wrote', null, null, (select count(*) from partition_instance o where o.job_run_id = c.job_run_id) from c
