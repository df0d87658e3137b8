package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.REFERENCE_PRICE_STARTED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.guard.GuardDetails;
import org.jiandu.api.guard.GuardFindings;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.CaseLedger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Disposal of controlled property (财产处置, Arts. 16–18 of 法〔2021〕322号):
 * <ul>
 * <li>{@value #DISPOSE} with a method other than 网络司法拍卖 (ONLINE_AUCTION; configurable) is denied unless
 * {@code details.exception} records the legal exception (Art. 18 ¶1; 网拍规定 Art. 2: 法律、行政法规和司法解释规定必须
 * 通过其他途径处置，或者不宜采用网络司法拍卖方式处置的除外); with method SELF_DISPOSAL it is checked as below.</li>
 * <li>{@value #SELF_DISPOSAL} (被执行人自行处置): the period ({@code details.periodDays}, or {@code details.periodEnd}
 * counted from {@code details.periodStart}, default today) must be set and at most 90 days (Art. 17).</li>
 * <li>{@value #PUBLISH_AUCTION_ANNOUNCEMENT}: an announcement any text of which contains 不负责腾退交付 (or another
 * configured phrase) is denied (Art. 18 ¶3).</li>
 * <li>{@value #START_VALUATION} with method APPRAISAL (委托评估) without a prior REFERENCE_PRICE_STARTED of the same
 * asset by negotiation or inquiry is warned (Art. 16 ¶2; 参考价规定), unless {@code details.appraisalRequiredByLaw}
 * records that the law requires appraisal.</li>
 * </ul>
 * Malformed details (an unknown method, a period of {@code 三个月} or {@code 0} days, an end before the start) are
 * refused with {@link ValidationException} naming the field (HTTP 400), as every guard does; missing ones are
 * findings.
 */
@Component(service = OperationGuard.class)
public class DisposalGuard implements OperationGuard {
    static final String ID = "monitor.disposal";
    static final String DISPOSE = OperationTypes.DISPOSE;
    static final String SELF_DISPOSAL = OperationTypes.SELF_DISPOSAL;
    static final String PUBLISH_AUCTION_ANNOUNCEMENT = OperationTypes.PUBLISH_AUCTION_ANNOUNCEMENT;
    static final String START_VALUATION = OperationTypes.START_VALUATION;

    static final String ART_16 = "法〔2021〕322号 第16条第2款、法释〔2018〕15号（参考价规定）";
    static final String ART_17 = "法〔2021〕322号 第17条";
    static final String ART_18_ONLINE = "法〔2021〕322号 第18条第1款、法释〔2016〕18号（网拍规定）第2条";
    static final String ART_18_VACATE = "法〔2021〕322号 第18条第3款";

    /** The ways of determining a reference price (参考价规定 Art. 2), as REFERENCE_PRICE_STARTED names them. */
    static final List<String> VALUATION_METHODS = List.of("NEGOTIATION", "DIRECTED_INQUIRY", "ONLINE_INQUIRY",
            "APPRAISAL");

    private static final Map<String, String> METHOD_NAMES = Map.of("ONLINE_AUCTION", "网络司法拍卖", "AUCTION",
            "委托拍卖", "SALE", "变卖", "SELF_DISPOSAL", "被执行人自行处置", "SET_OFF", "以物抵债", "APPRAISAL", "委托评估",
            "NEGOTIATION", "议价", "DIRECTED_INQUIRY", "定向询价", "ONLINE_INQUIRY", "网络询价");

    private final CaseLedger ledger;
    private final Clock clock;
    private final GuardSettings settings;

    @Activate
    public DisposalGuard(@Reference CaseLedger ledger, @Reference(target = "(jiandu.clock=true)") Clock clock,
            @Reference GuardSettings settings) {
        this.ledger = ledger;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Verdict check(Operation op) {
        GuardSettings.Values cfg = settings.current();
        GuardDetails details = new GuardDetails(op.details());
        GuardFindings f = new GuardFindings(ID);
        switch (op.type()) {
            case DISPOSE -> {
                dispose(details, cfg, f);
                return f.verdict("不得以此方式处置财产", ART_18_ONLINE + "；" + ART_17,
                        "处置方式符合网络司法拍卖优先原则（法〔2021〕322号第17条、第18条）");
            }
            case SELF_DISPOSAL -> {
                selfDisposalPeriod(details, cfg, f);
                return f.verdict("不得准许自行处置", ART_17, "自行处置期限未超过" + cfg.selfDisposalMaxDays() + "日（法〔2021〕322号第17条）");
            }
            case PUBLISH_AUCTION_ANNOUNCEMENT -> {
                announcement(details, cfg, f);
                return f.verdict("不得发布拍卖公告", ART_18_VACATE, "公告未载明“不负责腾退交付”等信息（法〔2021〕322号第18条）");
            }
            case START_VALUATION -> {
                valuation(op, details, cfg, f);
                return f.verdict("确定参考价的方式需核实", ART_16, "确定参考价的方式顺序符合规定（法〔2021〕322号第16条）");
            }
            default -> {
                return GuardFindings.notConcerned(ID, op.type(),
                        "财产处置操作（DISPOSE、SELF_DISPOSAL、PUBLISH_AUCTION_ANNOUNCEMENT、START_VALUATION）");
            }
        }
    }

    private void dispose(GuardDetails details, GuardSettings.Values cfg, GuardFindings f) {
        Optional<String> method = details.text("method").map(m -> m.toUpperCase(Locale.ROOT));
        if (method.isEmpty()) {
            f.deny("DISPOSAL_METHOD_MISSING", ART_18_ONLINE, "未载明处置方式（method），无法核对是否采取网络司法拍卖");
            return;
        }
        String m = method.get();
        if (!GuardSettings.DISPOSAL_METHODS.contains(m)) {
            throw new ValidationException("INVALID_VALUE", "details.method", "details.method must be one of "
                    + GuardSettings.DISPOSAL_METHODS + ", not \"" + m + "\"");
        }
        f.figure("method", m);
        if (SELF_DISPOSAL.equals(m)) {
            selfDisposalPeriod(details, cfg, f);
        }
        if (!cfg.methodsWithoutException().contains(m)) {
            Optional<String> exception = details.text("exception").filter(e -> GuardDetails.affirmative(e));
            if (exception.isEmpty()) {
                f.deny("NOT_ONLINE_AUCTION", ART_18_ONLINE, "人民法院以拍卖方式处置财产的，应当采取网络司法拍卖方式；以"
                        + METHOD_NAMES.get(m) + "（" + m + "）处置须记录法律、行政法规和司法解释规定必须通过其他途径处置，"
                        + "或者不宜采用网络司法拍卖方式处置的例外情形（exception）");
            } else {
                f.figure("exception", exception.get());
            }
        }
    }

    private void selfDisposalPeriod(GuardDetails details, GuardSettings.Values cfg, GuardFindings f) {
        int max = cfg.selfDisposalMaxDays();
        f.figure("maxDays", max);
        List<Long> lengths = new ArrayList<>();
        // malformed periods are refused naming the field (HTTP 400); a missing one is a finding (DENY below)
        Optional<Long> days = details.integer("periodDays");
        Optional<LocalDate> end = details.date("periodEnd");
        LocalDate start = details.date("periodStart")
                .orElseGet(() -> LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE));
        if (days.isPresent() && days.get() <= 0) {
            throw new ValidationException("INVALID_FIELD", "details.periodDays",
                    "details.periodDays must be a positive number of days, not " + days.get());
        }
        days.ifPresent(lengths::add);
        if (end.isPresent()) {
            if (!end.get().isAfter(start)) {
                throw new ValidationException("INVALID_FIELD", "details.periodEnd", "details.periodEnd " + end.get()
                        + " must be after the period's start " + start);
            }
            // the start day is not counted (民诉法 第85条; 民法典 第201条)
            lengths.add(ChronoUnit.DAYS.between(start, end.get()));
            f.figure("periodStart", start.toString()).figure("periodEnd", end.get().toString());
        }
        if (lengths.isEmpty()) {
            f.deny("SELF_DISPOSAL_PERIOD_MISSING", ART_17,
                    "自行处置期限由人民法院确定，最长不得超过" + max + "日；未载明期限（periodDays 或 periodEnd）");
            return;
        }
        long longest = lengths.stream().mapToLong(Long::longValue).max().orElseThrow();
        f.figure("periodDays", longest);
        if (longest > max) {
            f.deny("SELF_DISPOSAL_TOO_LONG", ART_17, "自行处置期限最长不得超过" + max + "日，本次为" + longest + "日");
        }
    }

    private static void announcement(GuardDetails details, GuardSettings.Values cfg, GuardFindings f) {
        List<String[]> texts = new ArrayList<>();
        collectTexts("details", details.asMap(), texts);
        if (texts.isEmpty()) {
            f.warn("ANNOUNCEMENT_TEXT_MISSING", ART_18_VACATE, "未提供公告文本（text），无法核查是否载明“不负责腾退交付”等信息");
            return;
        }
        List<String> hits = new ArrayList<>();
        for (String[] t : texts) {
            String squashed = Text.squash(t[1]);
            for (String phrase : cfg.forbiddenPhrases()) {
                if (squashed.contains(phrase)) {
                    hits.add(t[0] + " 含“" + phrase + "”");
                    break;
                }
            }
        }
        if (!hits.isEmpty()) {
            f.figure("forbiddenPhrasesFound", hits);
            f.deny("VACATION_DISCLAIMED", ART_18_VACATE, "拍卖不动产被无权占用的，人民法院应当依法负责腾退，不得在公示信息中载明"
                    + "“不负责腾退交付”等信息（" + String.join("；", hits) + "）");
        }
    }

    /** Every string in the details, with its JSON path, so the phrase is found whatever field the host uses. */
    private static void collectTexts(String path, Object value, List<String[]> out) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collectTexts(path + "." + k, v, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collectTexts(path + "[" + i + "]", l.get(i), out);
            }
        } else if (value instanceof String s && !s.isBlank()) {
            out.add(new String[] {path, s});
        }
    }

    private void valuation(Operation op, GuardDetails details, GuardSettings.Values cfg, GuardFindings f) {
        String method = details.text("method").map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
        if (!method.isEmpty() && !VALUATION_METHODS.contains(method)) {
            throw new ValidationException("INVALID_VALUE", "details.method", "details.method must be one of "
                    + VALUATION_METHODS + " (参考价规定), not \"" + details.text("method").orElse("") + "\"");
        }
        if (!"APPRAISAL".equals(method)) {
            return;
        }
        f.figure("method", method);
        if (details.recorded("appraisalRequiredByLaw")) {
            f.figure("appraisalRequiredByLaw", details.text("appraisalRequiredByLaw").orElse("true"));
            return;
        }
        Optional<String> asset = details.text("assetId");
        if (asset.isEmpty()) {
            f.warn("VALUATION_ASSET_MISSING", ART_16, "未载明财产（assetId），无法核对委托评估前是否先行议价或询价");
            return;
        }
        f.figure("assetId", asset.get());
        List<String> tried = new ArrayList<>();
        for (CaseEvent e : CaseFacts.of(ledger.timeline(op.caseNumber())).all(REFERENCE_PRICE_STARTED)) {
            String m = e.payload().string("method").orElse("");
            boolean sameAsset = asset.get().equals(e.payload().string("assetId").orElse(null));
            if (sameAsset && cfg.methodsBeforeAppraisal().contains(m)) {
                tried.add(m);
            }
        }
        f.figure("priorAttempts", tried);
        if (tried.isEmpty()) {
            f.warn("APPRAISAL_WITHOUT_PRIOR_ATTEMPT", ART_16, "双方当事人议价一致的优先采取议价方式，议价不成的可以网络询价或者定向询价，"
                    + "无法采取上述方式的才委托评估；财产 " + asset.get() + " 未记录先行议价或询价（REFERENCE_PRICE_STARTED），"
                    + "也未载明法律规定必须委托评估（appraisalRequiredByLaw）");
        }
    }
}
