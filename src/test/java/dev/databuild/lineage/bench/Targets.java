package dev.databuild.lineage.bench;

import dev.databuild.lineage.generator.EventGenerator;
import java.util.UUID;
import org.jooq.DSLContext;

/** The subjects of the measured requests, picked from the generated projection by shape. */
record Targets(String wantWithDerivatives, String midRef, String retriedRun, UUID hubUuid, int hubConsumers,
               UUID smallUuid, int smallConsumers, UUID fanOutUuid, int fanOutConsumers, long latestMillis) {

    static Targets find(DSLContext db, int fanOut) {
        String want = text(db.fetchValue("""
                select jw.want_id from job_run_want jw join want d on d.triggered_by_run_id = jw.job_run_id
                group by jw.want_id order by count(*) desc, jw.want_id limit 1"""));
        String mid = text(db.fetchValue("""
                select ref from partition_ref where ref like 'data/l25/%' order by ref limit 1"""));
        String retried = text(db.fetchValue("""
                select job_run_id from job_run where attempt > 1 order by job_run_id limit 1"""));
        var hub = db.fetchOne("""
                select i.uuid, i.consumer_count from partition_ref r join partition_instance i on i.uuid = r.current_uuid
                where r.ref = ?""", EventGenerator.HUB_REF);
        var small = db.fetchOne("""
                select uuid, consumer_count from partition_instance where consumer_count > 0
                order by abs(consumer_count - 10), uuid limit 1""");
        var wide = db.fetchOne("""
                select uuid, consumer_count from partition_instance
                order by case when consumer_count >= ? then 0 else 1 end, abs(consumer_count - ?), uuid
                limit 1""", fanOut, fanOut);
        long latest = ((Number) db.fetchValue("select max(created_at) from partition_instance")).longValue();
        return new Targets(want, mid, retried, uuid(hub.get(0)), hub.get(1, Integer.class), uuid(small.get(0)),
                small.get(1, Integer.class), uuid(wide.get(0)), wide.get(1, Integer.class), latest);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(String.valueOf(o));
    }
}
