package org.iopcare.scheduling.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.iopcare.events.AgeGroup;
import org.iopcare.events.BookingReason;
import org.iopcare.events.CancellationReason;
import org.iopcare.events.ClientEnrolled;
import org.iopcare.events.IntegrationEvent;
import org.iopcare.events.SessionCancelled;
import org.iopcare.events.SessionKind;
import org.iopcare.events.SessionModality;
import org.iopcare.events.SessionScheduled;
import org.iopcare.scheduling.config.SchedulingProperties;
import org.iopcare.scheduling.enrollment.ClientEnrollment;
import org.iopcare.scheduling.track.ComponentKind;
import org.iopcare.scheduling.track.ProgramTrack;
import org.iopcare.scheduling.track.Tracks;
import org.iopcare.scheduling.work.NoWorkItems;
import org.iopcare.support.outbox.Outbox;
import org.junit.jupiter.api.Test;

/** Schedule building, the waitlist and the horizon extension against in-memory stores with a fixed clock. */
class ScheduleBuilderTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    // Wednesday 2026-03-04 08:00 in New York, four days before the spring-forward change
    static final Instant NOW = Instant.parse("2026-03-04T13:00:00Z");

    final ProgramTrack track = new ProgramTrack(
            "MH-IOP-AM",
            "MH AM",
            NEW_YORK,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(12, 0),
            2,
            AgeGroup.ADULT,
            SessionModality.IN_PERSON,
            List.of(new ProgramTrack.Component(ComponentKind.GROUP_THERAPY, 180)));

    final Map<UUID, ClientSchedule> schedules = new LinkedHashMap<>();
    final List<UUID> waitlist = new ArrayList<>();
    final Map<LocalDate, GroupSession> groups = new HashMap<>();
    final Map<UUID, ClientSession> sessions = new LinkedHashMap<>();
    final List<ScheduleStore.BookingNeed> needs = new ArrayList<>();
    final List<IntegrationEvent> published = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<AvailabilityWindow> availability = new ArrayList<>(
            List.of(new AvailabilityWindow(DayOfWeek.THURSDAY, LocalTime.of(13, 0), LocalTime.of(14, 30), NEW_YORK)));

    final Tracks tracks = new Tracks(null, SchedulingProperties.defaults(), clock, null, null) {
        @Override
        public Optional<ProgramTrack> find(String code) {
            return Optional.of(track);
        }

        @Override
        public ProgramTrack lock(String code) {
            return track;
        }

        @Override
        public ProgramTrack get(String code) {
            return track;
        }
    };

    final ScheduleStore scheduleStore = new ScheduleStore(null, new NoWorkItems()) {
        @Override
        Optional<ClientSchedule> lock(UUID clientId) {
            return Optional.ofNullable(schedules.get(clientId));
        }

        @Override
        void save(ClientSchedule schedule, Instant now) {
            schedules.put(schedule.clientId(), schedule);
            if (schedule.status() == ClientSchedule.Status.WAITLISTED) {
                if (!waitlist.contains(schedule.clientId())) {
                    waitlist.add(schedule.clientId());
                }
            } else {
                waitlist.remove(schedule.clientId());
            }
        }

        @Override
        int countActive(String trackCode) {
            return (int) schedules.values().stream()
                    .filter(s -> s.status() == ClientSchedule.Status.ACTIVE)
                    .count();
        }

        @Override
        Optional<ClientSchedule> firstWaiting(String trackCode) {
            return waitlist.stream().findFirst().map(schedules::get);
        }

        @Override
        boolean closed(String trackCode, LocalDate day) {
            return false;
        }

        @Override
        List<AvailabilityWindow> availability(String clinicianId) {
            return availability;
        }

        @Override
        List<TimeOff> timeOff(String clinicianId) {
            return List.of();
        }

        @Override
        Optional<UUID> addBookingNeed(BookingNeed need, Instant now) {
            needs.add(need);
            return Optional.empty();
        }

        @Override
        List<UUID> resolveBookingNeed(UUID clientId, SessionKind kind, LocalDate weekStart, Instant now) {
            return List.of();
        }

        @Override
        Optional<LocalDate> transferredOnto(UUID clientId, String trackCode) {
            return Optional.empty();
        }

        @Override
        void forgetTransfer(UUID clientId) {}

        @Override
        Optional<LocalDate> endsOn(UUID clientId) {
            return Optional.empty();
        }

        @Override
        void endOn(UUID clientId, LocalDate day) {}
    };

    final SessionStore sessionStore = new SessionStore(null) {
        @Override
        GroupSession lockGroupSession(ProgramTrack t, ProgramTrack.Meeting m) {
            return groups.computeIfAbsent(
                    m.date(),
                    d -> new GroupSession(
                            UUID.randomUUID(),
                            t.code(),
                            d,
                            m.startsAt(),
                            m.endsAt(),
                            t.capacity(),
                            ClientSession.SCHEDULED));
        }

        @Override
        boolean onRoster(UUID groupSessionId, UUID clientId) {
            return live().stream()
                    .anyMatch(s -> groupSessionId.equals(s.groupSessionId())
                            && s.clientId().equals(clientId));
        }

        @Override
        int rosterSize(UUID groupSessionId) {
            return (int) live().stream()
                    .filter(s -> groupSessionId.equals(s.groupSessionId()))
                    .count();
        }

        @Override
        boolean insert(ClientSession session, Instant now) {
            sessions.put(session.id(), session);
            return true;
        }

        @Override
        boolean hasPlanned(UUID clientId, SessionKind kind, LocalDate week) {
            return live().stream()
                    .anyMatch(s -> s.clientId().equals(clientId) && s.kind() == kind && week.equals(s.planWeek()));
        }

        @Override
        List<Interval> busy(String clinicianId, UUID clientId, Instant from, Instant to) {
            return live().stream()
                    .filter(s ->
                            clinicianId.equals(s.clinicianId()) || s.clientId().equals(clientId))
                    .map(ClientSession::interval)
                    .toList();
        }

        @Override
        void lockClinician(String clinicianId) {}

        @Override
        List<ClientSession> lockUpcoming(UUID clientId, Instant from) {
            return live().stream()
                    .filter(s -> s.clientId().equals(clientId) && !s.startsAt().isBefore(from))
                    .toList();
        }

        @Override
        void cancel(UUID sessionId, CancellationReason reason) {
            ClientSession s = sessions.get(sessionId);
            sessions.put(
                    sessionId,
                    new ClientSession(
                            s.id(),
                            s.clientId(),
                            s.kind(),
                            s.groupSessionId(),
                            s.clinicianId(),
                            s.planWeek(),
                            s.startsAt(),
                            s.endsAt(),
                            s.zone(),
                            s.modality(),
                            ClientSession.CANCELLED,
                            null));
        }
    };

    final Outbox outbox = new Outbox(null, null, null) {
        @Override
        public void append(IntegrationEvent event) {
            published.add(event);
        }
    };

    final SessionOutbox sessionOutbox = new SessionOutbox(sessionStore, outbox);
    final ScheduleExtension extension = new ScheduleExtension(
            tracks,
            scheduleStore,
            sessionStore,
            new SessionBooking(
                    tracks,
                    scheduleStore,
                    sessionStore,
                    sessionOutbox,
                    SchedulingProperties.defaults(),
                    new NoWorkItems()),
            sessionOutbox,
            SchedulingProperties.defaults(),
            clock);
    final Waitlist trackWaitlist = new Waitlist(tracks, scheduleStore, extension);
    final ScheduleBuilder builder =
            new ScheduleBuilder(tracks, scheduleStore, extension, trackWaitlist, sessionOutbox, clock);

    List<ClientSession> live() {
        return sessions.values().stream()
                .filter(s -> ClientSession.SCHEDULED.equals(s.status()))
                .toList();
    }

    List<ClientSession> of(UUID client, SessionKind kind) {
        return live().stream()
                .filter(s -> s.clientId().equals(client) && s.kind() == kind)
                .toList();
    }

    static ClientEnrollment enrollment(UUID client, LocalDate start) {
        return ClientEnrollment.from(
                new ClientEnrolled(
                        UUID.randomUUID(),
                        NOW,
                        client,
                        UUID.randomUUID(),
                        "MH-IOP-AM",
                        start,
                        "clin-ada",
                        AgeGroup.ADULT,
                        "America/New_York",
                        null,
                        null,
                        null,
                        false,
                        false),
                NOW);
    }

    @Test
    void startingMidWeekBuildsFourWeeksOfGroupsAtNineLocalAcrossTheDstChange() {
        UUID client = UUID.randomUUID();

        builder.plan(enrollment(client, LocalDate.of(2026, 3, 4)));

        List<ClientSession> groupsOfClient = of(client, SessionKind.GROUP);
        // Wed 4 March to Wed 1 April: 13 meetings (today's at 09:00 has not begun at 08:00)
        assertThat(groupsOfClient).hasSize(13);
        assertThat(groupsOfClient)
                .allSatisfy(s -> assertThat(
                                LocalDateTime.ofInstant(s.startsAt(), NEW_YORK).toLocalTime())
                        .isEqualTo(LocalTime.of(9, 0)));
        assertThat(groupsOfClient.get(0).startsAt()).isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
        assertThat(groupsOfClient.get(3).startsAt()).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));
        assertThat(published).filteredOn(e -> e instanceof SessionScheduled).hasSize(sessions.size());
    }

    @Test
    void aFullTrackWaitlistsInOrderAndAFreedSeatPromotesTheFirstInLine() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        for (UUID client : List.of(a, b, c, d)) {
            builder.plan(enrollment(client, LocalDate.of(2026, 3, 4)));
        }

        assertThat(schedules.get(c).status()).isEqualTo(ClientSchedule.Status.WAITLISTED);
        assertThat(waitlist).containsExactly(c, d);
        assertThat(of(c, SessionKind.GROUP)).isEmpty();
        assertThat(groups.values())
                .allSatisfy(g -> assertThat(sessionStore.rosterSize(g.id())).isLessThanOrEqualTo(2));

        // a leaves: their sessions go, c takes the seat
        sessionOutbox.cancelUpcoming(a, NOW, CancellationReason.DISCHARGE, NOW);
        scheduleStore.save(
                new ClientSchedule(
                        a,
                        "MH-IOP-AM",
                        ClientSchedule.Status.ENDED,
                        LocalDate.of(2026, 3, 4),
                        "clin-ada",
                        AgeGroup.ADULT,
                        null),
                NOW);
        trackWaitlist.promote("MH-IOP-AM", NOW);

        assertThat(schedules.get(c).status()).isEqualTo(ClientSchedule.Status.ACTIVE);
        assertThat(waitlist).containsExactly(d);
        assertThat(of(c, SessionKind.GROUP)).hasSize(13);
        assertThat(groups.values())
                .allSatisfy(g -> assertThat(sessionStore.rosterSize(g.id())).isEqualTo(2));
        assertThat(published).filteredOn(e -> e instanceof SessionCancelled).hasSize((int)
                sessions.values().stream().filter(s -> s.clientId().equals(a)).count());
    }

    @Test
    void neverDoubleBooksTheClinicianAndListsWhatDidNotFit() {
        // Thursdays 13:00-14:30: one 60-minute session, then a 30-minute check-in fits; nothing more
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        builder.plan(enrollment(first, LocalDate.of(2026, 3, 4)));
        builder.plan(enrollment(second, LocalDate.of(2026, 3, 4)));

        List<ClientSession> withClinician =
                live().stream().filter(s -> s.clinicianId() != null).toList();
        for (ClientSession one : withClinician) {
            for (ClientSession other : withClinician) {
                if (one != other) {
                    assertThat(one.interval().overlaps(other.interval())).isFalse();
                }
            }
        }
        assertThat(of(first, SessionKind.INDIVIDUAL_THERAPY)).hasSize(5);
        assertThat(of(first, SessionKind.CLINICIAN_CHECK_IN)).hasSize(3);
        assertThat(of(second, SessionKind.INDIVIDUAL_THERAPY)).isEmpty();
        assertThat(needs).filteredOn(n -> n.clientId().equals(second)).hasSize(8);
    }

    @Test
    void theDailyExtensionAddsOnlyTheNewDays() {
        UUID client = UUID.randomUUID();
        builder.plan(enrollment(client, LocalDate.of(2026, 3, 4)));
        int before = sessions.size();
        ClientSchedule planned = schedules.get(client);
        assertThat(planned.scheduledThrough()).isEqualTo(LocalDate.of(2026, 4, 1));

        Instant weekLater = NOW.plus(java.time.Duration.ofDays(7));
        extension.extend(planned, track, weekLater, BookingReason.HORIZON);

        // three more meetings (Fri 3, Mon 6, Wed 8 April) and the week of 6 April's individual session
        List<ClientSession> added = sessions.values().stream().skip(before).toList();
        assertThat(added)
                .extracting(ClientSession::kind)
                .containsOnly(SessionKind.GROUP, SessionKind.INDIVIDUAL_THERAPY)
                .filteredOn(k -> k == SessionKind.GROUP)
                .hasSize(3);
        assertThat(schedules.get(client).scheduledThrough()).isEqualTo(LocalDate.of(2026, 4, 8));
    }
}
