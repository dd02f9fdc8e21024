-- Floor of lineage(ref, depth, perNodeLimit) (graphql-test/lineage.graphql): one statement, two
-- recursive CTEs (upstream and downstream) over read_dep/run_read, each step keeping at most
-- :limit neighbours per node in the service's order, rows deduplicated per depth (DISTINCT in the
-- recursive term: H2 does not deduplicate a recursive UNION). It returns every instance and run
-- within :depth hops under those limits. The service's walk also stops at its node budget and
-- limits a run's neighbours over all of its frontier nodes together rather than per node, so its
-- nodes are a subset of these rows: the benchmark asserts that, and reports both counts.
-- superset 'instance' = lineage.nodes[].instance.uuid
-- superset 'run' = lineage.nodes[].jobRun.jobRunId
with recursive focus(uuid) as (
    select pi.uuid from partition_ref p join partition_instance pi on pi.uuid = p.current_uuid where p.ref = :ref
),
up(uuid, depth) as (
    select uuid, 0 from focus
    union all
    select distinct d.input_uuid, u.depth + 1
    from up u join read_dep d on d.output_uuid = u.uuid
    where u.depth < :depth
      and (select count(*) from read_dep d2 where d2.output_uuid = u.uuid
           and (d2.input_ref < d.input_ref or (d2.input_ref = d.input_ref and d2.input_uuid < d.input_uuid))) < :limit
),
down(uuid, depth) as (
    select uuid, 0 from focus
    union all
    select distinct d.output_uuid, w.depth + 1
    from down w join run_read rr on rr.input_uuid = w.uuid
    join read_dep d on d.input_uuid = w.uuid and d.job_run_id = rr.job_run_id
    where w.depth < :depth
      and (select count(*) from run_read r2 where r2.input_uuid = w.uuid
           and (r2.event_id < rr.event_id or (r2.event_id = rr.event_id and r2.job_run_id < rr.job_run_id))) < :limit
      and (select count(*) from read_dep d2 where d2.input_uuid = w.uuid and d2.job_run_id = rr.job_run_id
           and (d2.output_ref < d.output_ref or (d2.output_ref = d.output_ref and d2.output_uuid < d.output_uuid))) < :limit
),
instances(uuid, depth) as (
    select uuid, min(depth) as depth from (select uuid, -depth as depth from up union all select uuid, depth from down) a
    group by uuid
),
runs(job_run_id, depth) as (
    select o.job_run_id, -min(u.depth) - 1 as depth
    from up u join partition_instance o on o.uuid = u.uuid where u.depth < :depth group by o.job_run_id
    union all
    select rr.job_run_id, min(w.depth) + 1
    from down w join run_read rr on rr.input_uuid = w.uuid
    where w.depth < :depth
      and (select count(*) from run_read r2 where r2.input_uuid = w.uuid
           and (r2.event_id < rr.event_id or (r2.event_id = rr.event_id and r2.job_run_id < rr.job_run_id))) < :limit
    group by rr.job_run_id
)
select 'instance' as section, cast(pi.uuid as varchar) as k, pi.ref as a, pi.status as b, pi.job_run_id as c,
       cast(x.depth as bigint) as n1, cast(pi.consumer_count as bigint) as n2
from instances x join partition_instance pi on pi.uuid = x.uuid
union all
select 'run', j.job_run_id, j.job_label, j.status, null, cast(x.depth as bigint), null
from runs x join job_run j on j.job_run_id = x.job_run_id
