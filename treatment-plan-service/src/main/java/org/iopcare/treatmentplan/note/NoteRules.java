package org.iopcare.treatmentplan.note;

import java.util.Optional;
import org.iopcare.events.SessionKind;
import org.iopcare.support.web.ProblemException;
import org.iopcare.treatmentplan.plan.PlanContent;
import org.jspecify.annotations.Nullable;

/** The checks every note write shares: the session was held and attended, objectives exist. */
final class NoteRules {

    private NoteRules() {}

    /** The session is of this kind group, was held and the client attended it; 422 otherwise. */
    static void requireAttended(ClientSessions.Session session, boolean group) {
        boolean isGroup = session.kind() == SessionKind.GROUP;
        if (group != isGroup) {
            throw ProblemException.unprocessable(
                    group ? "not-a-group-session" : "group-session",
                    group
                            ? "Session " + session.id() + " is not a group session"
                            : "Session " + session.id() + " is a group session: its note is written as a group note");
        }
        switch (session.attendance()) {
            case NOT_YET_HELD ->
                throw ProblemException.unprocessable(
                        "session-not-held", "Session " + session.id() + " has not started yet");
            case CANCELLED ->
                throw ProblemException.unprocessable("session-cancelled", "Session " + session.id() + " was cancelled");
            case ABSENT ->
                throw ProblemException.unprocessable(
                        "client-absent", "Session " + session.id() + " is recorded as missed or excused: no note");
            case ATTENDED -> {}
        }
    }

    /** The objective exists in the plan's current version; 422 otherwise. */
    static void requireObjective(NoteContent.@Nullable ObjectiveRef ref, Optional<PlanContent> plan) {
        if (ref == null) {
            return;
        }
        boolean exists = plan.map(content -> ref.problem() <= content.problems().size()
                        && ref.goal()
                                <= content.problems()
                                        .get(ref.problem() - 1)
                                        .goals()
                                        .size()
                        && ref.objective()
                                <= content.problems()
                                        .get(ref.problem() - 1)
                                        .goals()
                                        .get(ref.goal() - 1)
                                        .objectives()
                                        .size())
                .orElse(false);
        if (!exists) {
            throw ProblemException.unprocessable(
                    "unknown-objective",
                    "No objective " + ref.problem() + "." + ref.goal() + "." + ref.objective()
                            + " in the current version of the client's plan");
        }
    }

    /** Every objective a content refers to exists in the plan's current version. */
    static void requireObjectives(NoteContent content, Optional<PlanContent> plan) {
        if (content.attendee() != null) {
            requireObjective(content.attendee().objective(), plan);
        }
        if (content.progress() != null) {
            content.progress().objectives().forEach(p -> requireObjective(p.objective(), plan));
        }
    }
}
