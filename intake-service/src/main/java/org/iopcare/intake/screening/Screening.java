package org.iopcare.intake.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iopcare.events.LevelOfCare;

/**
 * A recorded screening: the answers, the scores, the rules table's recommendation and the level
 * decided. An override changes the decided level and keeps the recommendation beside it.
 */
@Entity
@Table(name = "screening")
public class Screening {

    @Id
    private UUID id;

    @Column(name = "inquiry_id", nullable = false)
    private UUID inquiryId;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    private short withdrawal;
    private short biomedical;
    private short emotional;
    private short readiness;
    private short relapse;
    private short environment;

    @Column(name = "phq9_answers", nullable = false)
    private String phq9Answers;

    @Column(name = "gad7_answers", nullable = false)
    private String gad7Answers;

    @Column(name = "phq9_score")
    private short phq9Score;

    @Enumerated(EnumType.STRING)
    @Column(name = "phq9_band", nullable = false)
    private Phq9Band phq9Band;

    @Column(name = "gad7_score")
    private short gad7Score;

    @Enumerated(EnumType.STRING)
    @Column(name = "gad7_band", nullable = false)
    private Gad7Band gad7Band;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_care", nullable = false)
    private CurrentCare currentCare;

    @Column(name = "recent_relapse")
    private boolean recentRelapse;

    @Column(name = "co_occurring")
    private boolean coOccurring;

    @Column(name = "suicidal_intent")
    private boolean suicidalIntent;

    @Column(name = "recent_attempt")
    private boolean recentAttempt;

    @Column(name = "homicidal_ideation")
    private boolean homicidalIdeation;

    @Enumerated(EnumType.STRING)
    @Column(name = "recommended_level", nullable = false)
    private LevelOfCare recommendedLevel;

    @Column(name = "reason_codes", nullable = false)
    private String reasonCodes;

    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_level", nullable = false)
    private LevelOfCare decidedLevel;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "overridden_by")
    private String overriddenBy;

    @Column(name = "overridden_at")
    private Instant overriddenAt;

    @Column(name = "screened_by", nullable = false)
    private String screenedBy;

    @Column(name = "screened_at", nullable = false)
    private Instant screenedAt;

    @Version
    private long version;

    protected Screening() {}

    Screening(
            UUID id,
            UUID inquiryId,
            UUID clientId,
            ScreeningRequest request,
            ScreeningFacts facts,
            Recommendation recommendation,
            String screenedBy,
            Instant now) {
        this.id = id;
        this.inquiryId = inquiryId;
        this.clientId = clientId;
        ScreeningRequest.Ratings r = request.ratings();
        this.withdrawal = r.withdrawal().shortValue();
        this.biomedical = r.biomedical().shortValue();
        this.emotional = r.emotional().shortValue();
        this.readiness = r.readiness().shortValue();
        this.relapse = r.relapse().shortValue();
        this.environment = r.environment().shortValue();
        this.phq9Answers = join(request.phq9());
        this.gad7Answers = join(request.gad7());
        this.phq9Score = (short) facts.phq9Score();
        this.phq9Band = Phq9Band.of(facts.phq9Score());
        this.gad7Score = (short) facts.gad7Score();
        this.gad7Band = Gad7Band.of(facts.gad7Score());
        this.currentCare = facts.currentCare();
        this.recentRelapse = facts.recentRelapse();
        this.coOccurring = facts.coOccurring();
        this.suicidalIntent = facts.suicidalIntent();
        this.recentAttempt = facts.recentAttempt();
        this.homicidalIdeation = facts.homicidalIdeation();
        this.recommendedLevel = recommendation.level();
        this.reasonCodes = String.join(",", recommendation.reasonCodes());
        this.urgent = recommendation.urgent();
        this.decidedLevel = recommendation.level();
        this.screenedBy = screenedBy;
        this.screenedAt = now;
    }

    void override(LevelOfCare level, String reason, String by, Instant now) {
        this.decidedLevel = level;
        this.overrideReason = reason;
        this.overriddenBy = by;
        this.overriddenAt = now;
    }

    private static String join(List<Integer> answers) {
        return answers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String answers) {
        return Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
    }

    public UUID id() {
        return id;
    }

    public UUID inquiryId() {
        return inquiryId;
    }

    public UUID clientId() {
        return clientId;
    }

    ScreeningRequest.Ratings ratings() {
        return new ScreeningRequest.Ratings(
                (int) withdrawal, (int) biomedical, (int) emotional, (int) readiness, (int) relapse, (int) environment);
    }

    List<Integer> phq9Answers() {
        return split(phq9Answers);
    }

    List<Integer> gad7Answers() {
        return split(gad7Answers);
    }

    int phq9Score() {
        return phq9Score;
    }

    Phq9Band phq9Band() {
        return phq9Band;
    }

    int gad7Score() {
        return gad7Score;
    }

    Gad7Band gad7Band() {
        return gad7Band;
    }

    CurrentCare currentCare() {
        return currentCare;
    }

    boolean recentRelapse() {
        return recentRelapse;
    }

    boolean coOccurring() {
        return coOccurring;
    }

    ScreeningRequest.Safety safety() {
        return new ScreeningRequest.Safety(suicidalIntent, recentAttempt, homicidalIdeation);
    }

    public LevelOfCare recommendedLevel() {
        return recommendedLevel;
    }

    public List<String> reasonCodes() {
        return reasonCodes.isEmpty() ? List.of() : List.of(reasonCodes.split(","));
    }

    public boolean urgent() {
        return urgent;
    }

    public LevelOfCare decidedLevel() {
        return decidedLevel;
    }

    String overrideReason() {
        return overrideReason;
    }

    String overriddenBy() {
        return overriddenBy;
    }

    Instant overriddenAt() {
        return overriddenAt;
    }

    String screenedBy() {
        return screenedBy;
    }

    public Instant screenedAt() {
        return screenedAt;
    }
}
