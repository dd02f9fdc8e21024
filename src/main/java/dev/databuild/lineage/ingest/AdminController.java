package dev.databuild.lineage.ingest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions on the projection. */
@RestController
public class AdminController {

    private final ReplayService replay;

    AdminController(ReplayService replay) {
        this.replay = replay;
    }

    /** Rebuilds the projection from the event log; answers how many events were replayed. */
    @PostMapping("/api/admin/replay")
    public ReplayService.Replayed replay() {
        return replay.replay();
    }
}
