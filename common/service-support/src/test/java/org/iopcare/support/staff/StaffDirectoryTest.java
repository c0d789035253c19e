package org.iopcare.support.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iopcare.support.security.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;

class StaffDirectoryTest {

    private static final StaffProperties.Member SUPERVISOR = new StaffProperties.Member(
            "sup-lindqvist",
            "Karin Lindqvist",
            List.of(StaffRole.CLINICAL_SUPERVISOR),
            "k.lindqvist@example.org",
            "+15550100111");
    private static final StaffProperties.Member CLINICIAN =
            new StaffProperties.Member("clin-okafor", "Ngozi Okafor", List.of(StaffRole.CLINICIAN), null, null);

    private static Jwt token(String subject, Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject);
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void findsConfiguredStaffByIdAndByRole() {
        StaffDirectory directory = new StaffDirectory(List.of(SUPERVISOR, CLINICIAN), 10);

        assertThat(directory.find("sup-lindqvist"))
                .hasValueSatisfying(m -> assertThat(m.email()).isEqualTo("k.lindqvist@example.org"));
        assertThat(directory.find("nobody")).isEmpty();
        assertThat(directory.find(null)).isEmpty();
        assertThat(directory.withRole(StaffRole.CLINICAL_SUPERVISOR))
                .extracting(StaffMember::id)
                .containsExactly("sup-lindqvist");
        assertThat(directory.withRole(StaffRole.PRIVACY_OFFICER)).isEmpty();
        assertThat(directory.all()).extracting(StaffMember::id).containsExactly("sup-lindqvist", "clin-okafor");
    }

    @Test
    void aTokensNameEmailAndRolesTakePrecedenceOverTheConfigurationForThatPerson() {
        StaffDirectory directory = new StaffDirectory(List.of(SUPERVISOR, CLINICIAN), 10);

        directory.learn(token(
                "clin-okafor",
                Map.of(
                        "name", "Dr. Ngozi Okafor",
                        "email", "n.okafor@example.org",
                        "roles", List.of("CLINICIAN", "CLINICAL_SUPERVISOR", "SOMETHING_ELSE"))));

        StaffMember okafor = directory.find("clin-okafor").orElseThrow();
        assertThat(okafor.displayName()).isEqualTo("Dr. Ngozi Okafor");
        assertThat(okafor.email()).isEqualTo("n.okafor@example.org");
        assertThat(okafor.roles()).containsExactly(StaffRole.CLINICIAN, StaffRole.CLINICAL_SUPERVISOR);
        assertThat(directory.withRole(StaffRole.CLINICAL_SUPERVISOR))
                .extracting(StaffMember::id)
                .containsExactly("sup-lindqvist", "clin-okafor");
        // the configured order is kept, with the learned entry in place of the configured one
        assertThat(directory.all()).extracting(StaffMember::id).containsExactly("sup-lindqvist", "clin-okafor");
        assertThat(okafor.phone()).isNull();
        directory.learn(token("clin-okafor", Map.of("phone_number", "+15550100122", "roles", List.of("CLINICIAN"))));
        assertThat(directory.find("clin-okafor").orElseThrow().phone()).isEqualTo("+15550100122");
        // an unverified number, or one not in E.164 form, leaves the configured one
        directory.learn(token(
                "sup-lindqvist",
                Map.of(
                        "phone_number",
                        "+15550100999",
                        "phone_number_verified",
                        false,
                        "roles",
                        "CLINICAL_SUPERVISOR")));
        assertThat(directory.find("sup-lindqvist").orElseThrow().phone()).isEqualTo("+15550100111");
        directory.learn(token("sup-lindqvist", Map.of("phone_number", "555-0100", "roles", "CLINICAL_SUPERVISOR")));
        assertThat(directory.find("sup-lindqvist").orElseThrow().phone()).isEqualTo("+15550100111");
    }

    @Test
    void aTokenWithoutNameOrEmailKeepsTheConfiguredOnes() {
        StaffDirectory directory = new StaffDirectory(List.of(SUPERVISOR), 10);

        directory.learn(token("sup-lindqvist", Map.of("roles", List.of("CLINICAL_SUPERVISOR"))));
        assertThat(directory.find("sup-lindqvist"))
                .contains(new StaffMember(
                        "sup-lindqvist",
                        "Karin Lindqvist",
                        List.of(StaffRole.CLINICAL_SUPERVISOR),
                        "k.lindqvist@example.org",
                        "+15550100111"));

        // an address the provider says it has not verified, a name of control characters only
        directory.learn(token(
                "sup-lindqvist",
                Map.of(
                        "name",
                        "\u0000\u0007",
                        "email",
                        "someone@example.net",
                        "email_verified",
                        false,
                        "roles",
                        List.of("CLINICAL_SUPERVISOR"))));
        assertThat(directory.find("sup-lindqvist").orElseThrow().email()).isEqualTo("k.lindqvist@example.org");
        assertThat(directory.find("sup-lindqvist").orElseThrow().displayName()).isEqualTo("Karin Lindqvist");
    }

    @Test
    void staffOnlyATokenNamedAreKnownAfterTheirFirstRequest() {
        StaffDirectory directory = new StaffDirectory(List.of(), 10);
        assertThat(directory.all()).isEmpty();

        directory.learn(token(
                "sup-new",
                Map.of("name", "  Ana\nBell  ", "email", " ana.bell@example.org ", "roles", "CLINICAL_SUPERVISOR")));

        StaffMember learned = directory.find("sup-new").orElseThrow();
        assertThat(learned.displayName()).isEqualTo("Ana Bell");
        assertThat(learned.email()).isEqualTo("ana.bell@example.org");
        assertThat(learned.nameOrId()).isEqualTo("Ana Bell");
        assertThat(directory.withRole(StaffRole.CLINICAL_SUPERVISOR)).containsExactly(learned);
    }

    @Test
    void unusableClaimsAreIgnored() {
        StaffDirectory directory = new StaffDirectory(List.of(), 10);

        directory.learn(
                token("staff-x", Map.of("name", "x".repeat(500), "email", "not an address", "roles", List.of("ROOT"))));
        directory.learn(token("s".repeat(201), Map.of("roles", List.of("CLINICIAN"))));

        StaffMember x = directory.find("staff-x").orElseThrow();
        assertThat(x.displayName()).hasSize(100);
        assertThat(x.email()).isNull();
        assertThat(x.roles()).isEmpty();
        assertThat(x.nameOrId()).isEqualTo("x".repeat(100));
        assertThat(directory.all()).extracting(StaffMember::id).containsExactly("staff-x");
        assertThat(new StaffMember("staff-y", null, null, null, null).nameOrId())
                .isEqualTo("staff-y");
    }

    @Test
    void learnedStaffAreBoundedAndTheLeastRecentlySeenFallBackToTheConfiguration() {
        StaffDirectory directory = new StaffDirectory(List.of(SUPERVISOR), 2);

        directory.learn(token("sup-lindqvist", Map.of("email", "karin@example.org")));
        directory.learn(token("a", Map.of()));
        directory.learn(token("b", Map.of()));

        assertThat(directory.find("sup-lindqvist").orElseThrow().email()).isEqualTo("k.lindqvist@example.org");
        assertThat(directory.all()).extracting(StaffMember::id).containsExactly("sup-lindqvist", "a", "b");
    }

    @Test
    void aConfiguredIdListedTwiceIsRefused() {
        assertThatThrownBy(() -> new StaffDirectory(List.of(SUPERVISOR, SUPERVISOR), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sup-lindqvist");
    }

    @Test
    void theConfigurationBindsFromIopcareStaffMembers() {
        Map<String, String> source = Map.of(
                "iopcare.staff.members[0].id", "sup-lindqvist",
                "iopcare.staff.members[0].display-name", "Karin Lindqvist",
                "iopcare.staff.members[0].roles[0]", "CLINICAL_SUPERVISOR",
                "iopcare.staff.members[0].email", "k.lindqvist@example.org",
                "iopcare.staff.members[1].id", "sched-tomas",
                "iopcare.staff.members[1].roles", "SCHEDULER");
        StaffProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("iopcare.staff", StaffProperties.class);

        StaffDirectory directory = new StaffDirectory(properties);
        assertThat(properties.maxLearned()).isEqualTo(1000);
        assertThat(directory.withRole(StaffRole.CLINICAL_SUPERVISOR))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.displayName()).isEqualTo("Karin Lindqvist");
                    assertThat(m.email()).isEqualTo("k.lindqvist@example.org");
                });
        assertThat(directory.find("sched-tomas").orElseThrow().roles()).containsExactly(StaffRole.SCHEDULER);
        assertThat(new StaffDirectory(new Binder(new MapConfigurationPropertySource(Map.of()))
                                .bindOrCreate("iopcare.staff", StaffProperties.class))
                        .all())
                .isEmpty();
    }
}
