package dev.databuild.lineage.ingest;

import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class EventLogController {

    private final EventLog log;

    EventLogController(EventLog log) {
        this.log = log;
    }

    @QueryMapping
    Map<String, Long> eventLog() {
        return Map.of("lastEventId", log.lastEventId(), "eventCount", log.count());
    }
}
