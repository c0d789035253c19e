package org.iopcare.intake.staff;

import java.util.Comparator;
import java.util.List;
import org.iopcare.support.security.StaffRole;
import org.iopcare.support.staff.StaffDirectory;
import org.iopcare.support.staff.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff directory, for staff apps that name people: who can be put on a care team, who a
 * care-team member is. Staff contact details are no client's information; every role may read them.
 */
@RestController
class StaffController {

    /** One member of staff as the apps show them; the alert address stays with the services. */
    record StaffView(String id, String displayName, List<StaffRole> roles) {

        static StaffView of(StaffMember member) {
            return new StaffView(member.id(), member.nameOrId(), member.roles());
        }
    }

    private final StaffDirectory directory;

    StaffController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/staff")
    @PreAuthorize(
            "hasAnyRole('INTAKE_COORDINATOR','SCHEDULER','CLINICIAN','CLINICAL_SUPERVISOR','PROGRAM_ADMIN','PRIVACY_OFFICER')")
    List<StaffView> list() {
        return directory.all().stream()
                .map(StaffView::of)
                .sorted(Comparator.comparing(StaffView::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(StaffView::id))
                .toList();
    }
}
