package org.iopcare.notification.preference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.iopcare.notification.recipient.ClientPreferences;
import org.iopcare.notification.recipient.PreferenceStore;
import org.iopcare.notification.recipient.PreferenceStore.Change;
import org.iopcare.notification.recipient.QuietHours;
import org.iopcare.notification.recipient.Recipient;
import org.iopcare.notification.recipient.RecipientRepository;
import org.iopcare.notification.reminder.ReminderProperties;
import org.iopcare.notification.reminder.Reminders;
import org.iopcare.notification.reminder.SendWindowProperties;
import org.iopcare.notification.reminder.WeeklyDigests;
import org.iopcare.support.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a client's preferences. A change is checked against what the clinic allows
 * (reminder offsets, quiet hours inside the send window, languages), stored only if it is based
 * on the current version (409 otherwise), recorded in the history with who made it, and the
 * client's pending reminders are planned again when their offsets changed.
 */
@Service
class Preferences {

    private final PreferenceStore store;
    private final RecipientRepository recipients;
    private final Reminders reminders;
    private final WeeklyDigests digests;
    private final PreferenceProperties properties;
    private final ReminderProperties reminderProperties;
    private final SendWindowProperties window;
    private final Clock clock;

    Preferences(
            PreferenceStore store,
            RecipientRepository recipients,
            Reminders reminders,
            WeeklyDigests digests,
            PreferenceProperties properties,
            ReminderProperties reminderProperties,
            SendWindowProperties window,
            Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.reminders = reminders;
        this.digests = digests;
        this.properties = properties;
        this.reminderProperties = reminderProperties;
        this.window = window;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PreferenceView view(UUID clientId) {
        Recipient recipient = recipients.findById(clientId).orElseThrow(() -> ProblemException.notFound("Client"));
        return view(recipient, store.find(clientId));
    }

    @Transactional
    public PreferenceView change(UUID clientId, PreferenceRequest request, String staff) {
        Recipient recipient = recipients.findById(clientId).orElseThrow(() -> ProblemException.notFound("Client"));
        ClientPreferences next = checked(clientId, request, staff);
        ClientPreferences current = store.find(clientId);
        if (current.version() != request.version() || !store.save(next, request.version())) {
            throw ProblemException.conflict(
                    "stale-version",
                    "The preferences changed since version " + request.version() + "; read them again");
        }
        long version = request.version() + 1;
        store.recordChange(clientId, new Change(version, staff, next.changedAt(), differences(current, next)));
        if (!current.offsetsOr(reminderProperties.offsets()).equals(next.offsetsOr(reminderProperties.offsets()))) {
            reminders.replan(clientId, next.changedAt());
        }
        if (next.weeklyDigest()) {
            digests.plan(clientId, next.changedAt());
        } else if (current.weeklyDigest()) {
            digests.unplan(clientId);
        }
        return view(recipient, store.find(clientId));
    }

    private ClientPreferences checked(UUID clientId, PreferenceRequest request, String staff) {
        List<Duration> offsets = request.reminderOffsets();
        if (offsets != null) {
            if (!properties.allowedOffsets().containsAll(offsets)) {
                throw ProblemException.unprocessable(
                        "reminder-offset-not-allowed",
                        "reminderOffsets must be taken from " + properties.allowedOffsets());
            }
            if (new HashSet<>(offsets).size() != offsets.size()) {
                throw ProblemException.unprocessable("reminder-offset-repeated", "reminderOffsets repeats an offset");
            }
            offsets = offsets.stream().sorted().toList();
        }
        QuietHours quiet = quietHours(request);
        String language = request.language() == null ? ClientPreferences.DEFAULT_LANGUAGE : request.language();
        if (!properties.languages().contains(language)) {
            throw ProblemException.unprocessable(
                    "language-not-offered", "language must be one of " + properties.languages());
        }
        return new ClientPreferences(
                clientId,
                request.channels(),
                offsets,
                Boolean.TRUE.equals(request.weeklyDigest()),
                quiet,
                language,
                request.version() + 1,
                staff,
                Instant.now(clock));
    }

    private @Nullable QuietHours quietHours(PreferenceRequest request) {
        if (request.quietHoursStart() == null && request.quietHoursEnd() == null) {
            return null;
        }
        if (request.quietHoursStart() == null || request.quietHoursEnd() == null) {
            throw ProblemException.unprocessable(
                    "quiet-hours", "quietHoursStart and quietHoursEnd are given together or not at all");
        }
        if (!request.quietHoursStart().isBefore(request.quietHoursEnd())
                || request.quietHoursStart().isBefore(window.start())
                || request.quietHoursEnd().isAfter(window.end())) {
            throw ProblemException.unprocessable(
                    "quiet-hours",
                    "quiet hours must start before they end and lie inside the clinic's send window " + window.start()
                            + "-" + window.end());
        }
        return new QuietHours(request.quietHoursStart(), request.quietHoursEnd());
    }

    /** What changed, as field names and codes (never contact details). */
    private static String differences(ClientPreferences before, ClientPreferences after) {
        List<String> changes = new ArrayList<>();
        changed(changes, "channels", before.channels(), after.channels());
        changed(changes, "reminderOffsets", before.reminderOffsets(), after.reminderOffsets());
        changed(changes, "weeklyDigest", before.weeklyDigest(), after.weeklyDigest());
        changed(changes, "quietHours", before.quietHours(), after.quietHours());
        changed(changes, "language", before.language(), after.language());
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static void changed(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + shown(before) + " -> " + shown(after));
        }
    }

    private static String shown(@Nullable Object value) {
        if (value == null) {
            return "default";
        }
        return value instanceof QuietHours quiet ? quiet.start() + "-" + quiet.end() : value.toString();
    }

    private PreferenceView view(Recipient recipient, ClientPreferences preferences) {
        QuietHours quiet = preferences.quietHours();
        return new PreferenceView(
                recipient.clientId(),
                preferences.version(),
                preferences.channels(),
                preferences.effectiveChannels(recipient),
                preferences.reminderOffsets(),
                preferences.offsetsOr(reminderProperties.offsets()),
                properties.allowedOffsets(),
                preferences.weeklyDigest(),
                quiet == null ? null : quiet.start(),
                quiet == null ? null : quiet.end(),
                preferences.language(),
                preferences.changedBy(),
                preferences.changedAt(),
                store.history(recipient.clientId(), properties.historySize()));
    }
}
