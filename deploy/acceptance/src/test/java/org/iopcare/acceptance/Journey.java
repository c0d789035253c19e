package org.iopcare.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.iopcare.acceptance.Http.Reply;
import tools.jackson.databind.JsonNode;

/** Steps that several scenarios share: a person becoming a client, and waiting for what follows. */
final class Journey {

    /** States in which a message has left the clinic (SMTP has no delivery report). */
    static final Set<String> SENT = Set.of("SENT", "DELIVERED");

    final AcceptancePlatform platform;
    final StaffApp staff;
    final ClientDevices devices;

    Journey(AcceptancePlatform platform) {
        this.platform = platform;
        this.staff = new StaffApp(platform);
        this.devices = new ClientDevices(platform);
    }

    /**
     * Who was enrolled.
     *
     * @param inquiryId their inquiry
     * @param clientId their client id (the key of all their events)
     * @param person who they are
     */
    record Enrolled(String inquiryId, String clientId, Person person) {}

    static ConditionFactory await(String what, Duration atMost) {
        return Awaitility.await(what)
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions();
    }

    /** The inquiry; returns its id and the client id intake gave the inquirer. */
    String[] inquire(Person person) {
        Reply receipt = staff.submitInquiry(person);
        assertThat(receipt.status()).as("inquiry: %s", receipt).isEqualTo(201);
        String inquiryId = StaffApp.id(receipt);
        Reply inquiry = staff.inquiry(inquiryId);
        assertThat(inquiry.status()).as("inquiry view: %s", inquiry).isEqualTo(200);
        return new String[] {inquiryId, inquiry.json().get("clientId").asString()};
    }

    /** Inquiry, call back, IOP screening, enrollment on {@code track}. */
    Enrolled enroll(Person person, String track, String clinicianId) {
        String[] ids = inquire(person);
        assertThat(staff.markContacted(ids[0]).status()).isEqualTo(200);
        Reply screening = staff.screenForIop(ids[0]);
        assertThat(screening.status()).as("screening: %s", screening).isEqualTo(201);
        assertThat(screening.json().get("decidedLevel").asString()).isEqualTo("IOP");
        Reply enrollment = staff.enroll(ids[0], person, track, clinicianId);
        assertThat(enrollment.status()).as("enrollment: %s", enrollment).isEqualTo(201);
        return new Enrolled(ids[0], ids[1], person);
    }

    /** A new track meeting (today and two other weekdays) at the first whole minute after {@code lead}. */
    LocalTime createTrack(String code, Duration lead) {
        LocalTime start = meetingAfter(lead);
        Reply track = staff.createTrack(code, start, staff.todayAndTwoMore());
        assertThat(track.status()).as("track %s: %s", code, track).isEqualTo(201);
        return start;
    }

    LocalTime meetingAfter(Duration lead) {
        return ZonedDateTime.now(platform.zone)
                .plus(lead)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1)
                .toLocalTime();
    }

    /** A start time {@code lead} from now, in whole seconds (the services keep microseconds). */
    static Instant fromNow(Duration lead) {
        return Instant.now().plus(lead).truncatedTo(ChronoUnit.SECONDS);
    }

    Instant today(LocalTime local) {
        return ZonedDateTime.of(java.time.LocalDate.now(platform.zone), local, platform.zone)
                .toInstant();
    }

    /** The client's sessions once scheduling built them (staff view). */
    List<JsonNode> awaitSessions(String clientId) {
        AtomicReference<List<JsonNode>> found = new AtomicReference<>();
        await("sessions of " + clientId, Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply reply = staff.sessions(clientId);
            assertThat(reply.status()).as("sessions: %s", reply).isEqualTo(200);
            assertThat(reply.json().size()).isPositive();
            found.set(list(reply.json()));
        });
        return found.get();
    }

    List<JsonNode> sessions(String clientId) {
        Reply reply = staff.sessions(clientId);
        assertThat(reply.status()).as("sessions: %s", reply).isEqualTo(200);
        return list(reply.json());
    }

    /** The session starting at {@code startsAt}. */
    static JsonNode sessionAt(List<JsonNode> sessions, Instant startsAt) {
        return sessions.stream()
                .filter(s -> Instant.parse(s.get("startsAt").asString()).equals(startsAt))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session at " + startsAt + " in " + sessions));
    }

    JsonNode awaitPlan(String clientId, String status) {
        AtomicReference<JsonNode> plan = new AtomicReference<>();
        await("plan of " + clientId + " " + status, Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply reply = staff.plan(clientId);
            assertThat(reply.status()).as("plan: %s", reply).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo(status);
            plan.set(reply.json());
        });
        return plan.get();
    }

    /**
     * Waits until staff see a message of {@code kind} on {@code channel} created after {@code after}
     * that left the clinic, and returns it.
     */
    JsonNode awaitSent(String clientId, String kind, String channel, Instant after, Duration atMost) {
        AtomicReference<JsonNode> sent = new AtomicReference<>();
        await(kind + " by " + channel + " for " + clientId, atMost).untilAsserted(() -> {
            List<JsonNode> messages = staff.messages(clientId, kind).stream()
                    .filter(m -> channel.equals(m.path("channel").asString()))
                    .filter(m -> !Instant.parse(m.get("createdAt").asString()).isBefore(after))
                    .toList();
            assertThat(messages)
                    .as("%s %s messages of %s", kind, channel, clientId)
                    .isNotEmpty();
            JsonNode message = messages.get(0);
            assertThat(message.get("status").asString())
                    .as("status of %s", message)
                    .isIn(channel.equals("SMS") ? Set.of("DELIVERED") : SENT);
            sent.set(message);
        });
        return sent.get();
    }

    /**
     * Waits for the SMS reminder of the session starting at {@code session}, queued after
     * {@code since}: until it is due (the offset before the session) and {@code beyond} more.
     */
    JsonNode awaitReminder(String clientId, Instant session, Instant since, Duration beyond) {
        Duration untilDue = Duration.between(Instant.now(), session.minus(AcceptancePlatform.REMINDER_OFFSET));
        return awaitSent(
                clientId,
                "SESSION_REMINDER",
                "SMS",
                since,
                (untilDue.isNegative() ? Duration.ZERO : untilDue).plus(beyond));
    }

    /** Waits until the phone shows the SMS staff see as {@code message}; returns what the phone got. */
    JsonNode awaitOnPhone(String phone, JsonNode message) {
        AtomicReference<JsonNode> received = new AtomicReference<>();
        await("SMS at " + phone, Duration.ofSeconds(10))
                .untilAsserted(() -> received.set(devices.smsMatching(phone, message)
                        .orElseThrow(() -> new AssertionError("not on the phone: " + message.get("kind")))));
        return received.get();
    }

    /** Waits until the mailbox shows the email staff see as {@code message}. */
    JsonNode awaitInMailbox(String address, JsonNode message) {
        AtomicReference<JsonNode> received = new AtomicReference<>();
        await("email at " + address, Duration.ofSeconds(10))
                .untilAsserted(() -> received.set(devices.emailMatching(address, message)
                        .orElseThrow(() -> new AssertionError("not in the mailbox: " + message.get("kind")))));
        return received.get();
    }

    /** Every SMS and email body the client received, for the minimum-necessary check. */
    List<String> everythingReceived(Person person) {
        List<String> texts = new ArrayList<>();
        devices.sms(person.phone()).forEach(sms -> texts.add(sms.path("body").asString()));
        devices.emails(person.email()).forEach(email -> {
            texts.add(email.path("subject").asString());
            texts.add(email.path("body").asString());
        });
        return texts;
    }

    /** Reminders that left the clinic as staff see them, on the phone, and in the mailbox. */
    List<Integer> reminderCounts(String clientId, Person person) {
        List<JsonNode> reminders = staff.messages(clientId, "SESSION_REMINDER");
        Set<String> bodies = new java.util.HashSet<>();
        reminders.forEach(
                m -> bodies.add(ClientDevices.normalized(m.path("body").asString())));
        int sent = (int) reminders.stream()
                .filter(m -> Set.of("SENT", "DELIVERED", "UNKNOWN")
                        .contains(m.get("status").asString()))
                .count();
        int onPhone = (int) devices.sms(person.phone()).stream()
                .filter(sms -> bodies.contains(
                        ClientDevices.normalized(sms.path("body").asString())))
                .count();
        int inMailbox = (int) devices.emails(person.email()).stream()
                .filter(email -> bodies.contains(
                        ClientDevices.normalized(email.path("body").asString())))
                .count();
        return List.of(sent, onPhone, inMailbox);
    }

    /**
     * How long to keep watching that nothing happens: until {@code due} and 10 s beyond, and at
     * least 5 s when that moment has passed already.
     */
    static Duration watchUntilPast(Instant due) {
        Duration watch = Duration.between(Instant.now(), due).plusSeconds(10);
        return watch.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : watch;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
