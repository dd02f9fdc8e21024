-- Floor of the partition lineage view (graphql-test/partitionLineage.graphql): one statement, one
-- UNION ALL branch per list the document shows (first pages of 20, in the service's order).
-- rows 'partition' = partition
-- rows 'current' = partition.current
-- rows 'upstream' = partition.current.upstream.nodes[]
-- rows 'downstream' = partition.current.downstream.nodes[]
-- rows 'consumer' = partition.current.consumers.nodes[]
-- rows 'current_status' = partition.current.statusHistory[]
-- packed 'current_status' = a
-- rows 'stale_input' = partition.current.staleInputs.nodes[]
-- rows 'instance' = partition.instances.nodes[]
-- rows 'instance_status' = partition.instances.nodes[].statusHistory[]
-- packed 'instance_status' = a
-- rows 'want' = partition.wants.nodes[]
-- rows 'as_of' = partition.asOf
-- rows 'total' = totalCount
with p as (select * from partition_ref where ref = :ref),
cur as (select pi.* from p join partition_instance pi on pi.uuid = p.current_uuid),
inst as (select pi.* from p join partition_instance pi on pi.ref = p.ref order by pi.created_event_id desc limit 20)
select 'partition' as section, p.ref as k, cur.status as a, cast(null as varchar(1024)) as b,
       cast(null as varchar(1024)) as c, cast(null as varchar(1024)) as d,
       cast(null as bigint) as n1, cast(null as bigint) as n2, cast(null as bigint) as n3, cast(null as bigint) as n4
from p cross join cur
union all
select 'current', cast(cur.uuid as varchar), cur.ref, cur.status, j.job_run_id, j.status,
       cur.superseded_event_id, cur.superseded_at,
       case when exists (select 1 from read_dep d join partition_instance i on i.uuid = d.input_uuid
                         where d.output_uuid = cur.uuid and i.superseded_event_id is not null) then 1 else 0 end, null
from cur join job_run j on j.job_run_id = cur.job_run_id
union all
(select 'upstream', cast(pi.uuid as varchar), pi.ref, null, null, null, null, null, null, null
 from cur join read_dep d on d.output_uuid = cur.uuid join partition_instance pi on pi.uuid = d.input_uuid
 order by d.input_ref, d.input_uuid limit 20)
union all
select 'total', 'upstream', null, null, null, null,
       (select count(*) from read_dep d join partition_instance pi on pi.uuid = d.input_uuid where d.output_uuid = cur.uuid),
       null, null, null
from cur
union all
(select 'downstream', cast(pi.uuid as varchar), pi.ref, null, null, null, d.event_id, null, null, null
 from cur join read_dep d on d.input_uuid = cur.uuid join partition_instance pi on pi.uuid = d.output_uuid
 order by d.event_id, d.output_uuid limit 20)
union all
select 'total', 'downstream', null, null, null, null, cur.downstream_count, null, null, null from cur
union all
(select 'consumer', rr.job_run_id, null, null, null, null, rr.event_id, null, null, null
 from cur join run_read rr on rr.input_uuid = cur.uuid order by rr.event_id, rr.job_run_id limit 20)
union all
select 'total', 'consumers', null, null, null, null, cur.consumer_count, null, null, null from cur
union all
select 'current_status', cast(cur.uuid as varchar), cur.status_history, null, null, null, null, null, null, null
from cur
union all
(select 'stale_input', cast(pi.uuid as varchar), null, null, null, null, null, null, null, null
 from cur join read_dep d on d.output_uuid = cur.uuid join partition_instance pi on pi.uuid = d.input_uuid
 where pi.superseded_event_id is not null order by d.input_ref, d.input_uuid limit 20)
union all
select 'total', 'staleInputs', null, null, null, null,
       (select count(*) from read_dep d join partition_instance pi on pi.uuid = d.input_uuid
        where d.output_uuid = cur.uuid and pi.superseded_event_id is not null), null, null, null
from cur
union all
select 'instance', cast(i.uuid as varchar), i.status, i.job_run_id, null, null, i.created_at, i.superseded_at,
       i.superseded_event_id, null
from inst i
union all
select 'total', 'instances', null, null, null, null, (select count(*) from partition_instance pi where pi.ref = p.ref),
       null, null, null
from p
union all
select 'instance_status', cast(i.uuid as varchar), i.status_history, null, null, null, null, null, null, null
from inst i
union all
(select 'want', w.want_id, null, null, null, null, null, null, null, null
 from p join want_partition wp on wp.ref = p.ref join want w on w.want_id = wp.want_id order by w.created_event_id limit 20)
union all
select 'total', 'wants', null, null, null, null, (select count(*) from want_partition wp where wp.ref = p.ref), null, null, null
from p
union all
(select 'as_of', cast(pi.uuid as varchar), pi.status, pi.job_run_id, null, null, null, null, null, null
 from p join partition_instance pi on pi.ref = p.ref
 where pi.created_at <= :at and (pi.superseded_at is null or pi.superseded_at > :at)
 order by pi.created_event_id desc limit 1)
