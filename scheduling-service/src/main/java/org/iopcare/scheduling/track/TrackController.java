package org.iopcare.scheduling.track;

import jakarta.validation.Valid;
import java.util.List;
import org.iopcare.events.TrackStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TrackController {

    private final Tracks tracks;

    TrackController(Tracks tracks) {
        this.tracks = tracks;
    }

    /** Tracks hold no client data: intake enrolls onto them, so intake coordinators read them too. */
    @GetMapping("/api/tracks")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    List<TrackView> list() {
        var statuses = tracks.statuses();
        return tracks.all().stream()
                .map(track -> TrackView.of(track, statuses.get(track.code())))
                .toList();
    }

    @GetMapping("/api/tracks/{code}")
    @PreAuthorize("hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN')")
    TrackView get(@PathVariable String code) {
        return TrackView.of(tracks.get(code), tracks.status(code));
    }

    /** Schedulers and admins run tracks; an adult track under 9 h a week is refused (422). */
    @PostMapping("/api/tracks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    TrackView create(@Valid @RequestBody TrackRequest request) {
        return TrackView.of(tracks.create(request), TrackStatus.ACTIVE);
    }

    @PutMapping("/api/tracks/{code}")
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    TrackView replace(@PathVariable String code, @Valid @RequestBody TrackRequest request) {
        return TrackView.of(tracks.replace(code, request), TrackStatus.ACTIVE);
    }

    /** Closes a track for new enrollment (409 while clients hold or wait for a seat in it). */
    @PostMapping("/api/tracks/{code}/retire")
    @PreAuthorize("hasAnyRole('SCHEDULER','PROGRAM_ADMIN')")
    TrackView retire(@PathVariable String code) {
        return TrackView.of(tracks.retire(code), TrackStatus.RETIRED);
    }
}
