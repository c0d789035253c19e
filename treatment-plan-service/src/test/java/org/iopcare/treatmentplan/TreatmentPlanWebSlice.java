package org.iopcare.treatmentplan;

import org.iopcare.support.caseload.Caseload;
import org.iopcare.testsupport.WebSliceTest;
import org.iopcare.treatmentplan.assessment.Assessments;
import org.iopcare.treatmentplan.note.ClinicalNotes;
import org.iopcare.treatmentplan.note.GroupNotes;
import org.iopcare.treatmentplan.note.NoteMocks;
import org.iopcare.treatmentplan.note.ProgressNotes;
import org.iopcare.treatmentplan.plan.PlanCaseload;
import org.iopcare.treatmentplan.plan.PlanReviews;
import org.iopcare.treatmentplan.plan.ReviewSchedule;
import org.iopcare.treatmentplan.plan.TreatmentPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of treatment-plan, shared by every controller's slice test so that they run in one
 * Spring context: all controllers, the service's own security (JWT resource server, handler
 * authorization), the edge rules and problem responses, with the use cases behind the controllers
 * mocked (the note package's package-private store by {@link NoteMocks}).
 */
@WebMvcTest
@MockitoBean(
        types = {
            Assessments.class,
            ClinicalNotes.class,
            GroupNotes.class,
            ProgressNotes.class,
            TreatmentPlans.class,
            ReviewSchedule.class,
            PlanReviews.class,
            PlanCaseload.class,
            Caseload.class,
            JdbcTemplate.class
        })
public abstract class TreatmentPlanWebSlice extends WebSliceTest implements NoteMocks {

    @Autowired
    protected PlanCaseload caseload;
}
