package org.iopcare.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iopcare.notification.message.ClinicProperties.Clinic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Every template renders; the lint refuses deny-listed words and long SMS, so the service would not start. */
class MessageTemplatesTest {

    static final ClinicProperties CLINIC = new ClinicProperties(
            new Clinic("Riverside Health", "(555) 010-0199", "Riverside Health"),
            "intake-team@clinic.example",
            "care-team@clinic.example");

    static final CrisisProperties DEFAULT_CRISIS = new CrisisProperties(List.of("suicide"), null);

    @Test
    void theCrisisAnswerNames988AndTheClinicsNumberAndMayNameTheLifeline() {
        String sms = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS)
                .render(MessageKind.CRISIS_REPLY, Channel.SMS, Map.of());
        assertThat(sms)
                .contains("988", "Suicide & Crisis Lifeline", "(555) 010-0199", "care team")
                .hasSizeLessThanOrEqualTo(320);
        // a configured text replaces the template and is checked like one: "suicide" is allowed
        // there only, every other denied word stops the start
        CrisisProperties configured = new CrisisProperties(List.of("suicide"), "Call or text 988. Us: {{clinicPhone}}");
        assertThat(new MessageTemplates(CLINIC, defaults(), configured)
                        .render(MessageKind.CRISIS_REPLY, Channel.SMS, Map.of()))
                .isEqualTo("Call or text 988. Us: (555) 010-0199");
        assertThatThrownBy(() -> new MessageTemplates(
                        CLINIC, defaults(), new CrisisProperties(List.of("suicide"), "988, or your detox team")))
                .hasMessageContaining("crisis_reply/sms: template contains the denied word 'detox'");
        Map<String, String> bad = new HashMap<>();
        bad.put("help_reply/sms", "Suicide & Crisis Lifeline: 988");
        assertThatThrownBy(() -> new MessageTemplates(CLINIC, defaults(), name -> bad.getOrDefault(name, "ok")))
                .hasMessageContaining("help_reply/sms: template contains the denied word 'suicide'");
    }

    @Test
    void theIntakeSummaryCountsAndLinksAndNamesNoOne() {
        String email = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS)
                .render(
                        MessageKind.INTAKE_SUMMARY,
                        Channel.EMAIL,
                        Map.of(
                                "inquiries", 3,
                                "inquiryWord", "inquiries",
                                "since", "14:00 EDT",
                                "inquiryListUrl", "https://staff.example/inquiries"));
        assertThat(email).startsWith("3 new inquiries since 14:00 EDT.").contains("https://staff.example/inquiries");
    }

    @Test
    void theWeeklyDigestListsDatesTimesAndTheClinicsNumberInBothLanguagesAndIsLinted() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        for (String language : List.of(MessageTemplates.ENGLISH, "es")) {
            for (Channel channel : MessageKind.WEEKLY_DIGEST.channels()) {
                assertThat(templates.render(MessageKind.WEEKLY_DIGEST, channel, language, MessageTemplates.SAMPLE))
                        .contains("(555) 010-0199", "12:30")
                        .doesNotContainIgnoringCase("group")
                        .doesNotContainIgnoringCase("grupo");
            }
        }
        Map<String, String> bad = new HashMap<>();
        bad.put("weekly_digest/sms", "Your recovery week: {{sessions}}");
        assertThatThrownBy(() -> new MessageTemplates(CLINIC, defaults(), name -> bad.getOrDefault(name, "ok")))
                .hasMessageContaining("weekly_digest/sms: template contains the denied word 'recovery'");
    }

    static TemplateLintProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("iopcare.notification.template-lint", TemplateLintProperties.class);
    }

    @Test
    void everyKindRendersOnEveryChannelItTravelsOn() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        int rendered = 0;
        for (MessageKind kind : MessageKind.values()) {
            assertThat(kind.channels()).isNotEmpty();
            for (Channel channel : kind.channels()) {
                String text = templates.render(kind, channel, MessageTemplates.SAMPLE);
                assertThat(text).as(MessageTemplates.name(kind, channel)).isNotBlank();
                assertThat(text).doesNotContain("{{");
                if (kind.audience() == Audience.CLIENT) {
                    assertThat(text).containsAnyOf("Riverside Health", "(555) 010-0199");
                }
                if (channel == Channel.SMS) {
                    assertThat(text.length()).isLessThanOrEqualTo(320);
                }
                rendered++;
            }
        }
        assertThat(rendered).isEqualTo(33);
    }

    @Test
    void everyClientKindHasASpanishTextCheckedAgainstBothDenyLists() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        int spanish = 0;
        for (MessageKind kind : MessageKind.values()) {
            if (kind.audience() != Audience.CLIENT) {
                continue;
            }
            for (Channel channel : kind.channels()) {
                String english = templates.render(kind, channel, MessageTemplates.SAMPLE);
                String text = templates.render(kind, channel, "es", MessageTemplates.SAMPLE);
                assertThat(text)
                        .as("es/%s", MessageTemplates.name(kind, channel))
                        .isNotBlank()
                        .isNotEqualTo(english);
                assertThat(text).doesNotContainIgnoringCase("terapia").doesNotContainIgnoringCase("tratamiento");
                spanish++;
            }
        }
        assertThat(spanish).isEqualTo(26);
        // a language not offered, or none, reads English
        assertThat(templates.render(MessageKind.HELP_REPLY, Channel.SMS, "fr", Map.of()))
                .isEqualTo(templates.render(MessageKind.HELP_REPLY, Channel.SMS, Map.of()));

        java.util.Map<String, String> bad = Map.of(
                "es/welcome/sms", "{{clinicName}}: bienvenido a su terapia de grupo. {{clinicPhone}}",
                "es/plan_review_notice/email", "Su plan de tratamiento cambió. {{senderName}}");
        assertThatThrownBy(() -> new MessageTemplates(
                        CLINIC,
                        defaults(),
                        name -> bad.getOrDefault(
                                name, MessageTemplates.classpathText("templates/" + name + ".mustache")),
                        List.of("en", "es")))
                .hasMessageContaining("es/welcome/sms")
                .hasMessageContaining("terapia")
                .hasMessageContaining("es/plan_review_notice/email")
                .hasMessageContaining("tratamiento");
        assertThatThrownBy(() -> new MessageTemplates(
                        CLINIC,
                        defaults(),
                        name -> name.startsWith("es/session_moved")
                                ? null
                                : MessageTemplates.classpathText("templates/" + name + ".mustache"),
                        List.of("en", "es")))
                .hasMessageContaining("es/session_moved/sms: template missing");
    }

    @Test
    void sessionTimesAreWrittenInTheClientsLanguage() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        java.time.ZonedDateTime monday =
                java.time.ZonedDateTime.of(2026, 3, 9, 9, 0, 0, 0, java.time.ZoneId.of("America/New_York"));
        Map<String, Object> reminder = Map.of("sessionAt", monday, "virtual", false);
        assertThat(templates.render(MessageKind.SESSION_REMINDER, Channel.SMS, "en", reminder))
                .contains("Monday, March 9 at 9:00 AM EDT");
        assertThat(templates.render(MessageKind.SESSION_REMINDER, Channel.SMS, "es", reminder))
                .contains("lunes 9 de marzo a las 9:00");
        Map<String, Object> cancelled = Map.of("sessionsAt", List.of(monday, monday.plusDays(2)), "several", true);
        assertThat(templates.render(MessageKind.SESSION_CANCELLED, Channel.SMS, "es", cancelled))
                .contains("sus citas del lunes 9 de marzo a las 9:00")
                .contains(" y miércoles 11 de marzo");
        Map<String, Object> transfer =
                Map.of("sessionsAt", List.of(monday, monday.plusDays(2)), "sessionAt", monday, "several", true);
        assertThat(templates.render(MessageKind.SCHEDULE_CHANGED, Channel.SMS, "en", transfer))
                .contains("schedule has changed")
                .contains("Monday, March 9 at 9:00 AM EDT");
        assertThat(templates.render(MessageKind.SCHEDULE_CHANGED, Channel.SMS, "es", transfer))
                .contains("horario de citas cambió")
                .contains("lunes 9 de marzo a las 9:00");
        assertThat(templates.render(MessageKind.SCHEDULE_CHANGED, Channel.EMAIL, "es", transfer))
                .contains("Sus nuevas citas: lunes 9 de marzo a las 9:00")
                .contains(" y miércoles 11 de marzo");
        assertThat(templates.render(MessageKind.SCHEDULE_ON_HOLD, Channel.SMS, "en", transfer))
                .contains("are cancelled from Monday, March 9 at 9:00 AM EDT until a place opens")
                .contains("Monday, March 9 at 9:00 AM EDT");
        assertThat(templates.render(MessageKind.SCHEDULE_ON_HOLD, Channel.EMAIL, "en", transfer))
                .contains("appointments on your former schedule on Monday, March 9 at 9:00 AM EDT")
                .contains(" are cancelled");
        assertThat(templates.render(MessageKind.SCHEDULE_ON_HOLD, Channel.SMS, "es", transfer))
                .contains("quedan canceladas")
                .contains("lunes 9 de marzo a las 9:00");
        assertThat(templates.render(MessageKind.SCHEDULE_ON_HOLD, Channel.EMAIL, "es", transfer))
                .contains("sus citas del horario anterior del lunes 9 de marzo a las 9:00")
                .contains("quedan canceladas");
        assertThat(templates.render(MessageKind.MAKE_UP_BOOKED, Channel.SMS, "es", reminder))
                .contains("cita adicional el lunes 9 de marzo a las 9:00");
        assertThat(templates.optOutHint("es")).isEqualTo("Responda STOP para no recibir más mensajes");
        assertThat(templates.optOutHint("en")).isEqualTo(Messages.OPT_OUT_HINT);
    }

    @Test
    void aVirtualSessionsMessagesCarryItsJoinLinkAndOthersSayNothingOfOne() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        String link = "https://meet.clinic.example/j/123";
        Map<String, Object> virtual = Map.of(
                "sessionDate", "Monday, March 9", "sessionTime", "9:00 AM EDT", "virtual", true, "joinUrl", link);
        Map<String, Object> inPerson =
                Map.of("sessionDate", "Monday, March 9", "sessionTime", "9:00 AM EDT", "virtual", false);
        for (MessageKind kind : List.of(
                MessageKind.SESSION_REMINDER,
                MessageKind.SESSION_MOVED,
                MessageKind.WELCOME,
                MessageKind.MAKE_UP_BOOKED)) {
            for (Channel channel : kind.channels()) {
                assertThat(templates.render(kind, channel, virtual))
                        .as("%s %s", kind, channel)
                        .contains(link);
                String plain = templates.render(kind, channel, inPerson);
                assertThat(plain).as("%s %s", kind, channel).doesNotContain("online", "join", "\n\n\n");
            }
        }
        assertThat(templates.render(
                        MessageKind.SESSION_CANCELLED,
                        Channel.SMS,
                        Map.of("sessions", "Monday, March 9 at 9:00 AM EDT", "several", false)))
                .contains("your appointment on Monday, March 9 at 9:00 AM EDT is cancelled");
    }

    @Test
    void theStaffAlertIsExactlyTheFixedTextThatNamesNoClient() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        assertThat(templates.render(
                        MessageKind.STAFF_ALERT,
                        Channel.EMAIL,
                        java.util.Map.of("alertText", org.iopcare.events.StaffAlerted.TEXT)))
                .isEqualTo(org.iopcare.events.StaffAlerted.TEXT);
        assertThat(MessageKind.STAFF_ALERT.audience()).isEqualTo(Audience.STAFF);
    }

    @Test
    void aReminderNamesTheLocalDateAndTimeAndTheGreetingFallsBackWithoutAName() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        String sms = templates.render(
                MessageKind.SESSION_REMINDER,
                Channel.SMS,
                Map.of("sessionDate", "Monday, March 9", "sessionTime", "9:00 AM EDT", "virtual", false));
        assertThat(sms)
                .isEqualTo("Riverside Health: a reminder of your appointment Monday, March 9 at 9:00 AM EDT."
                        + " Reply 1 to confirm or 2 to ask for another time. Reply STOP to opt out.");
        String email = templates.render(
                MessageKind.WELCOME,
                Channel.EMAIL,
                Map.of("sessionDate", "Monday, March 9", "sessionTime", "9:00 AM EDT", "virtual", true));
        assertThat(email).startsWith("Hello,").contains("online");
    }

    @Test
    void theBreakGlassAlertNamesWhoWhichClientAndUntilWhenAndNothingElse() {
        MessageTemplates templates = new MessageTemplates(CLINIC, defaults(), DEFAULT_CRISIS);
        String email = templates.render(
                MessageKind.EMERGENCY_ACCESS_ALERT,
                Channel.EMAIL,
                Map.of(
                        "staffName",
                        "Ngozi Okafor",
                        "clientId",
                        "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a",
                        "expiresAt",
                        "2026-09-30 16:30 UTC"));
        assertThat(email)
                .isEqualTo("Ngozi Okafor opened the record of client 3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a, who is"
                        + " outside their caseload, through emergency access until 2026-09-30 16:30 UTC."
                        + " Please review this access in the audit trail.");
        assertThat(MessageKind.EMERGENCY_ACCESS_ALERT.audience()).isEqualTo(Audience.STAFF);
    }

    @Test
    void theLintFindsDeniedWordsInTemplatesAndRenderedSamplesAndLongSms() {
        TemplateLint lint = new TemplateLint(defaults().denyList(), 320);
        assertThat(lint.check("t/sms", Channel.SMS, "Your recovery group is at {{sessionTime}}", "x"))
                .containsExactly("t/sms: template contains the denied word 'recovery'");
        assertThat(lint.check("t/email", Channel.EMAIL, "Hi {{preferredName}}", "Hi from the IOP team"))
                .containsExactly("t/email: rendered sample contains the denied word 'iop'");
        assertThat(lint.check("t/email", Channel.EMAIL, "about your mental\nhealth", "x"))
                .anyMatch(f -> f.contains("'mental health'"));
        assertThat(lint.check("t/sms", Channel.SMS, "ok", "a".repeat(321)))
                .containsExactly("t/sms: rendered sample is 321 characters, more than the SMS limit of 320");
        // whole words only: "Riverside" is not "rehab", "treatments" is not "treatment"'s word boundary
        assertThat(lint.check("t/sms", Channel.SMS, "Riverside Health: see you soon", "x"))
                .isEmpty();
    }

    @Test
    void aViolatingTemplateStopsTheApplicationFromStarting() {
        Map<String, String> bad = new HashMap<>();
        bad.put("session_reminder/sms", "{{clinicName}}: your therapy group meets {{sessionDate}}.");
        assertThatThrownBy(() -> new MessageTemplates(CLINIC, defaults(), name -> bad.getOrDefault(name, "ok")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session_reminder/sms: template contains the denied word 'therapy group'");
    }

    @Test
    void aRevealingClinicNameIsCaughtInTheRenderedSamples() {
        ClinicProperties revealing = new ClinicProperties(
                new Clinic("Sunrise Detox Center", "(555) 010-0199", "Sunrise"),
                "intake-team@clinic.example",
                "care-team@clinic.example");
        assertThatThrownBy(() -> new MessageTemplates(revealing, defaults(), DEFAULT_CRISIS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rendered sample contains the denied word 'detox'");
    }

    @Test
    void aMissingTemplateOrAnUnknownVariableStopsTheStart() {
        assertThatThrownBy(() -> new MessageTemplates(CLINIC, defaults(), name -> null))
                .hasMessageContaining("welcome/sms: template missing");
        assertThatThrownBy(() -> new MessageTemplates(
                        CLINIC, defaults(), name -> name.equals("help_reply/sms") ? "{{noSuchValue}}" : "ok"))
                .hasMessageContaining("help_reply/sms: does not render");
    }

    @Test
    void theDefaultDenyListCoversTheIssuesWords() {
        assertThat(defaults().denyList())
                .contains(List.of(
                                "recovery",
                                "detox",
                                "IOP",
                                "therapy group",
                                "substance",
                                "treatment",
                                "rehab",
                                "addiction",
                                "alcohol",
                                "overdose",
                                "psychiatric",
                                "mental health")
                        .toArray(String[]::new));
        assertThat(defaults().smsMaxLength()).isEqualTo(320);
    }
}
