package org.jiandu.seizure.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.deadline.DeadlineRules;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.seizure.internal.SeizureRegister.AssetView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Renewal of control measures before they lapse: 民诉法解释 (2022) Art. 485 limits a freeze of bank deposits to 1
 * year, a seizure or detention of movables to 2 years, of immovables and other property rights to 3 years, and
 * requires the renewal (续行) before expiry; 查封规定 Art. 27: a control not renewed lapses. One deadline per
 * controlled asset (key = asset id), due {@code renewal.leadDays} (default 15) days before the expiry, counted in
 * calendar days from the control (or its last renewal, or the day a queued seizure took effect) and rolled forward to
 * a working day by the calendar — the lead is longer than any holiday block, so the due day stays before the expiry.
 *
 * <p>Opened on PROPERTY_CONTROLLED (not queued) and QUEUED_SEIZURE_EFFECTIVE; re-opened from the renewal on
 * CONTROL_RENEWED; closed on a whole CONTROL_RELEASED, on DISPOSAL_COMPLETED and on CASE_CLOSED. A renewal recorded
 * after the expiry raises a VIOLATION finding (the control had lapsed). The rule folds the case's history with the
 * same code as the seizure register, so both always agree on the expiry; it keeps no state and reads no clock.
 * Picked up by the node monitor (jiandu-node-monitor) when that is installed.
 */
@Component(service = DeadlineRule.class, configurationPid = SeizureSettings.PID)
public final class RenewalDeadlineRule implements DeadlineRule {
    static final String ID = "seizure.renewal";
    private final int leadDays;

    /** {@code renewal.leadDays} of the seizure settings' PID, checked alike (those settings log and report it). */
    @Activate
    public RenewalDeadlineRule(Map<String, Object> properties) {
        this(SeizureSettings.leadDays(ConfigReader.of(SeizureSettings.PID, properties, SeizureConfiguration.class)));
    }

    RenewalDeadlineRule(int leadDays) {
        this.leadDays = leadDays;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return SeizureRules.ART485;
    }

    @Override
    public String title() {
        return "查封、扣押、冻结期限届满前办理续行手续（存款1年，动产2年，不动产及其他财产权3年）";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String type = entry.event().type();
        LocalDate day = DeadlineRules.day(entry);
        if (CoreEventTypes.CASE_CLOSED.equals(type)) {
            CaseFacts facts = CaseFacts.fold(history);
            List<DeadlineAction> out = new ArrayList<>();
            for (CaseFacts.Asset a : facts.assets().values()) {
                String status = SeizureRegister.view(a, facts, day, CourtPolicy.DEFAULT).status();
                if (SeizureRegister.IN_FORCE.equals(status) || SeizureRegister.LAPSED.equals(status)) {
                    out.add(new DeadlineAction.Close(a.id()));
                }
            }
            return out;
        }
        if (!List.of(CoreEventTypes.PROPERTY_CONTROLLED, CoreEventTypes.QUEUED_SEIZURE_EFFECTIVE,
                CoreEventTypes.CONTROL_RENEWED, CoreEventTypes.CONTROL_RELEASED, CoreEventTypes.DISPOSAL_COMPLETED)
                .contains(type)) {
            return List.of();
        }
        String assetId = entry.event().payload().string("assetId").orElse(null);
        if (assetId == null) {
            return List.of();
        }
        CaseFacts facts = CaseFacts.fold(history);
        CaseFacts.Asset asset = facts.assets().get(assetId);
        if (asset == null) {
            return List.of();
        }
        AssetView v = SeizureRegister.view(asset, facts, day, CourtPolicy.DEFAULT);
        return switch (v.status()) {
            case SeizureRegister.IN_FORCE -> {
                if (CoreEventTypes.CONTROL_RELEASED.equals(type) || CoreEventTypes.DISPOSAL_COMPLETED.equals(type)) {
                    yield List.of(); // a partial release: the control and its term go on
                }
                LocalDate due = v.expiry().minusDays(leadDays);
                int days = (int) Math.max(0, ChronoUnit.DAYS.between(day, due));
                yield List.of(new DeadlineAction.Open(assetId, DeadlineRequest.ofDate(day, days, PeriodUnit.D),
                        false));
            }
            case SeizureRegister.RELEASED, SeizureRegister.DISPOSED -> List.of(new DeadlineAction.Close(assetId));
            case SeizureRegister.LAPSED -> CoreEventTypes.CONTROL_RENEWED.equals(type)
                    ? List.of(new DeadlineAction.Close(assetId), new DeadlineAction.Finding(assetId, "VIOLATION",
                            "财产 " + assetId + " 的控制期限已于 " + v.expiry() + " 届满，" + day
                                    + " 办理的续行无效，控制效力已消灭（查封规定第27条），应重新查封、扣押、冻结",
                            Map.of("assetId", assetId, "expiry", v.expiry().toString(), "renewedOn", day.toString())))
                    : List.of();
            default -> List.of();
        };
    }
}
