package org.iopcare.notification.message;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iopcare.events.StaffAlerted;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The wording of every message kind on every channel it travels on, as Mustache templates under
 * {@code templates/<kind>/<channel>.mustache}. Built at start-up: every template is compiled,
 * rendered with {@link #SAMPLE} and the configured clinic, and checked by {@link TemplateLint}; a
 * missing or violating template stops the application from starting.
 */
@Component
public class MessageTemplates {

    /**
     * One value for every variable any template uses, long where it matters (a long name), so the
     * SMS length check sees a realistic worst case.
     */
    static final Map<String, Object> SAMPLE = Map.ofEntries(
            Map.entry("preferredName", "Alexandria-Jacqueline"),
            Map.entry("inquiryId", "6f1c2f8e-3a47-4b2e-9d0a-5c1e2b3a4d5f"),
            Map.entry("repeatOf", "0b7d9e21-8c3f-4a6e-b1d2-7e8f9a0b1c2d"),
            Map.entry("sessionDate", "Wednesday, September 30"),
            Map.entry("sessionTime", "12:30 PM EDT"),
            Map.entry("virtual", true),
            Map.entry(
                    "sessions",
                    "Wednesday, September 30 at 12:30 PM EDT, Thursday, October 1 at 12:30 PM EDT"
                            + " and Friday, October 2 at 12:30 PM EDT"),
            Map.entry("several", true),
            Map.entry("joinUrl", "https://meet.clinic.example/j/4815-1623-42?pwd=Zx8Qw2"),
            Map.entry("clientId", "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"),
            Map.entry("sessionId", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
            Map.entry("sessionStart", "2026-09-30T12:30-04:00[America/New_York]"),
            Map.entry("consecutiveMisses", 2),
            Map.entry("missesInLast14Days", 3),
            Map.entry("reference", "plan 7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098, version 12"),
            Map.entry("staffName", "Alexandria-Jacqueline Montgomery-Featherstonehaugh"),
            Map.entry("expiresAt", "2026-09-30 16:30 UTC"),
            Map.entry("inquiries", 7000),
            Map.entry("inquiryWord", "inquiries"),
            Map.entry("since", "Wednesday, September 30, 11:45 PM EDT"),
            Map.entry("inquiryListUrl", "https://staff.clinic.example/inquiries?status=NEW"),
            Map.entry("alertText", StaffAlerted.TEXT));

    /** English, the default language: the templates at the root of {@code templates/}. */
    public static final String ENGLISH = "en";

    private final Map<String, Map<MessageKind, Map<Channel, Template>>> templates = new HashMap<>();
    private final Map<String, Wording> wordings = new HashMap<>();
    private final ClinicProperties clinic;

    @Autowired
    MessageTemplates(
            ClinicProperties clinic, TemplateLintProperties lint, CrisisProperties crisis, Environment environment) {
        this(
                clinic,
                lint,
                shipped(crisis),
                Binder.get(environment)
                        .bind("iopcare.notification.preferences.languages", Bindable.listOf(String.class))
                        .orElse(List.of(ENGLISH, "es")));
    }

    /** For tests: the shipped templates in English and Spanish. */
    MessageTemplates(ClinicProperties clinic, TemplateLintProperties lint, CrisisProperties crisis) {
        this(clinic, lint, shipped(crisis), List.of(ENGLISH, "es"));
    }

    /** For tests: templates from anywhere, English only. */
    MessageTemplates(ClinicProperties clinic, TemplateLintProperties lintProperties, TemplateSource source) {
        this(clinic, lintProperties, source, List.of(ENGLISH));
    }

    /**
     * For tests: templates from anywhere in these languages. English has every kind; every other
     * language has every client kind in {@code templates/<language>/}, with its deny-list
     * ({@code deny-list.txt}, added to the configured one) and its wording of dates
     * ({@code language.properties}): adding a language is adding its folder.
     */
    MessageTemplates(
            ClinicProperties clinic,
            TemplateLintProperties lintProperties,
            TemplateSource source,
            List<String> languages) {
        this.clinic = clinic;
        Mustache.Compiler compiler =
                Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).nullValue("");
        List<String> findings = new ArrayList<>();
        for (String language : languages) {
            boolean english = language.equals(ENGLISH);
            List<String> denied = new ArrayList<>(lintProperties.denyList());
            if (!english) {
                denied.addAll(languageDenyList(language));
            }
            wordings.put(language, Wording.of(language));
            TemplateLint lint = new TemplateLint(denied, lintProperties.smsMaxLength());
            Map<MessageKind, Map<Channel, Template>> own = new EnumMap<>(MessageKind.class);
            templates.put(language, own);
            for (MessageKind kind : MessageKind.values()) {
                if (!english && kind.audience() != Audience.CLIENT) {
                    continue; // staff read English
                }
                for (Channel channel : kind.channels()) {
                    String name = english ? name(kind, channel) : language + "/" + name(kind, channel);
                    String text = source.text(name);
                    if (text == null) {
                        findings.add(name + ": template missing");
                        continue;
                    }
                    try {
                        Template template = compiler.compile(text);
                        own.computeIfAbsent(kind, k -> new EnumMap<>(Channel.class))
                                .put(channel, template);
                        findings.addAll(lint.check(name, channel, text, render(template, SAMPLE), kind.lintAllows()));
                    } catch (RuntimeException e) {
                        findings.add(name + ": does not render: " + e.getMessage());
                    }
                }
            }
        }
        if (!findings.isEmpty()) {
            throw new IllegalStateException("Message templates refused by the lint: " + String.join("; ", findings));
        }
    }

    /** The templates under {@code templates/}, the English crisis answer as configured. */
    private static TemplateSource shipped(CrisisProperties crisis) {
        return name -> name.equals(name(MessageKind.CRISIS_REPLY, Channel.SMS)) && crisis.reply() != null
                ? crisis.reply()
                : classpathTemplate(name);
    }

    /** A language's own deny-list, {@code templates/<language>/deny-list.txt}: one word or phrase a line. */
    private static List<String> languageDenyList(String language) {
        String text = classpathText("templates/" + language + "/deny-list.txt");
        if (text == null) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Where template texts come from, by name ({@code <kind>/<channel>}); null when absent. */
    @FunctionalInterface
    interface TemplateSource {
        String text(String name);
    }

    static String name(MessageKind kind, Channel channel) {
        return kind.name().toLowerCase(Locale.ROOT) + "/" + channel.name().toLowerCase(Locale.ROOT);
    }

    /** The message text in English; {@code values} holds the kind's variables (the clinic's are added here). */
    public String render(MessageKind kind, Channel channel, Map<String, Object> values) {
        return render(kind, channel, ENGLISH, values);
    }

    /**
     * The message text in {@code language} (English for a language not offered); session times
     * given as {@code sessionAt} (one) or {@code sessionsAt} (several) are written as that language
     * writes them ({@code sessionDate}, {@code sessionTime}, {@code sessions}).
     */
    public String render(MessageKind kind, Channel channel, @Nullable String language, Map<String, Object> values) {
        String chosen = language != null && templates.containsKey(language) ? language : ENGLISH;
        Template template = templates.get(chosen).getOrDefault(kind, Map.of()).get(channel);
        if (template == null) {
            throw new IllegalArgumentException("No template for " + name(kind, channel));
        }
        return render(template, wordings.get(chosen).apply(values));
    }

    /** The line the first SMS to a number ends with, in {@code language}. */
    public String optOutHint(@Nullable String language) {
        Wording wording = language == null ? null : wordings.get(language);
        return wording == null ? Messages.OPT_OUT_HINT : wording.optOutHint();
    }

    private String render(Template template, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.putIfAbsent("preferredName", "");
        model.put("clinicName", clinic.clinic().name());
        model.put("clinicPhone", clinic.clinic().phone());
        model.put("senderName", clinic.clinic().senderName());
        return template.execute(model).strip();
    }

    private static String classpathTemplate(String name) {
        return classpathText("templates/" + name + ".mustache");
    }

    static @Nullable String classpathText(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Template " + path + " unreadable", e);
        }
    }
}
