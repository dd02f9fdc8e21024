package dev.databuild.lineage.want;

import static dev.databuild.lineage.db.Tables.WANT;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class WantQueries {

    private final DSLContext db;

    WantQueries(DSLContext db) {
        this.db = db;
    }

    public Map<String, Want> byIds(Collection<String> wantIds) {
        Map<String, Want> out = new LinkedHashMap<>();
        db.selectFrom(WANT).where(WANT.WANT_ID.in(wantIds)).forEach(r -> out.put(r.getWantId(), Want.from(r)));
        return out;
    }
}
