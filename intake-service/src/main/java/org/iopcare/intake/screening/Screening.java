package org.iopcare.intake.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iopcare.events.LevelOfCare;

/**
 * A recorded screening: the risk ratings, the instruments' answers and scores, the safety answers,
 * the person's care history and the level decision (the rules table's recommendation and the level
 * decided; an override changes the decided level and keeps the recommendation beside it).
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

    @Embedded
    private RiskRatings ratings;

    @Embedded
    private InstrumentScores instruments;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_care", nullable = false)
    private CurrentCare currentCare;

    @Column(name = "recent_relapse")
    private boolean recentRelapse;

    @Column(name = "co_occurring")
    private boolean coOccurring;

    @Embedded
    private SafetyAnswers safety;

    @Embedded
    private LevelDecision decision;

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
        this.ratings = RiskRatings.of(request.ratings());
        this.instruments = InstrumentScores.of(request, facts);
        this.currentCare = facts.currentCare();
        this.recentRelapse = facts.recentRelapse();
        this.coOccurring = facts.coOccurring();
        this.safety = SafetyAnswers.of(facts);
        this.decision = LevelDecision.of(recommendation);
        this.screenedBy = screenedBy;
        this.screenedAt = now;
    }

    void override(LevelOfCare level, String reason, String by, Instant now) {
        this.decision = decision.overriddenTo(level, reason, by, now);
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

    RiskRatings ratings() {
        return ratings;
    }

    InstrumentScores instruments() {
        return instruments;
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

    SafetyAnswers safety() {
        return safety;
    }

    LevelDecision decision() {
        return decision;
    }

    public LevelOfCare recommendedLevel() {
        return decision.recommendedLevel();
    }

    public List<String> reasonCodes() {
        return decision.reasonCodeList();
    }

    public boolean urgent() {
        return decision.urgent();
    }

    public LevelOfCare decidedLevel() {
        return decision.decidedLevel();
    }

    String screenedBy() {
        return screenedBy;
    }

    public Instant screenedAt() {
        return screenedAt;
    }
}
