package org.iopcare.support.work;

import org.iopcare.support.lifecycle.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation and refreshes the gauges every {@code iopcare.work.check-interval}; rows that
 * a failed run left due are taken by the next one.
 */
public class WorkItemJob extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(WorkItemJob.class);

    private final WorkItemEscalation escalation;
    private final WorkItemMetrics metrics;

    public WorkItemJob(WorkItemEscalation escalation, WorkItemMetrics metrics, WorkItemProperties properties) {
        super("work-item-escalation", properties.checkInterval());
        this.escalation = escalation;
        this.metrics = metrics;
    }

    @Override
    protected void runOnce() {
        int steps = escalation.escalateDue();
        if (steps > 0) {
            log.info("Escalated {} urgent work items", steps);
        }
        metrics.refresh();
    }

    @Override
    protected String description() {
        return "Escalating work items";
    }
}
