package org.iopcare.treatmentplan.plan;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.iopcare.support.security.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who needs a supervisor's co-signature on the notes they sign and the plan versions they write.
 *
 * @param staff staff subjects whose work is co-signed: unlicensed counsellors, interns, associates
 *     awaiting licensure (licensure belongs to the person, not to an access role)
 * @param roles staff roles whose holders' work is co-signed; none by default, as no role of the
 *     platform marks unlicensed staff
 * @param dueWithin a co-signature work item is due this long after the item is raised
 */
@Validated
@ConfigurationProperties("iopcare.plans.cosignature")
public record CosignatureProperties(
        @NotNull @DefaultValue List<String> staff,
        @NotNull @DefaultValue List<StaffRole> roles,
        @NotNull @DefaultValue("2d") Duration dueWithin) {}
