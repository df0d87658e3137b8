package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CASE_FILED;
import static org.jiandu.api.event.CoreEventTypes.MONEY_DISBURSED;
import static org.jiandu.api.event.CoreEventTypes.MONEY_RECEIVED;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jiandu.api.Money;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.guard.GuardDetails;
import org.jiandu.api.guard.GuardFindings;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.mask.MaskingPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Case money (执行案款, Arts. 19–22 of 法〔2021〕322号; 一案一账号):
 * <ul>
 * <li>{@value #FILE_CASE}: filing without the applicant's payee account is denied (Art. 20: 执行立案时，必须向申请执行人
 * 确认接受案款方式和具体账户). The account comes from {@code details.applicantPayeeAccount} or, when the host has
 * already recorded the filing, from CASE_FILED's {@code applicantPayeeAccount}.</li>
 * <li>{@value #DEDUCT} (扣划): the destination ({@code details.toAccount}) must be the case's designated account
 * (Art. 20: 严禁执行人员将案款扣划至文书指定账户以外的其他账户). The designated account is the court's configured
 * account ({@code money.caseAccounts}) when there is one, else {@code details.caseAccount} from the host.</li>
 * <li>{@value #DISBURSE} (发放): the payee ({@code details.toAccount}) must be the applicant's payee account recorded
 * at filing (Art. 20); paying less than the undisputed part still held while part of the money is disputed
 * (MONEY_RECEIVED {@code disputedAmount}) is warned (Art. 22: 部分案款有争议的，应当先将无争议部分及时发放).</li>
 * <li>{@value #HOLD} (暂缓发放): holding more than the disputed part of a partially disputed sum is warned (Art. 22).</li>
 * </ul>
 * Accounts are compared on their letters and digits only (spaces, hyphens and full-width digits do not matter) and
 * shown in reasons and figures masked by the one masking policy ({@link MaskingPolicy}, as a bank account), as every
 * view masks the same details of the recorded check. Malformed details (an amount of {@code -5}) are refused with {@link ValidationException}
 * naming the field (HTTP 400), as every guard does.
 */
@Component(service = OperationGuard.class)
public class CaseMoneyGuard implements OperationGuard {
    static final String ID = "monitor.case-money";
    static final String FILE_CASE = OperationTypes.FILE_CASE;
    static final String DEDUCT = OperationTypes.DEDUCT;
    static final String DISBURSE = OperationTypes.DISBURSE;
    static final String HOLD = OperationTypes.HOLD;

    static final String ART_20 = "法〔2021〕322号 第20条";
    static final String ART_22 = "法〔2021〕322号 第22条第1款";
    static final String ALL_ARTICLES = "法〔2021〕322号 第19条至第22条";

    private final CaseLedger ledger;
    private final GuardSettings settings;
    private final MaskingPolicy masking;

    @Activate
    public CaseMoneyGuard(@Reference CaseLedger ledger, @Reference GuardSettings settings,
            @Reference MaskingPolicy masking) {
        this.ledger = ledger;
        this.settings = settings;
        this.masking = masking;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Verdict check(Operation op) {
        GuardFindings f = new GuardFindings(ID);
        GuardDetails details = new GuardDetails(op.details());
        switch (op.type()) {
            case FILE_CASE -> {
                fileCase(op, details, f);
                return f.verdict("不得立案", ART_20, "已确认申请执行人接受案款的具体账户（法〔2021〕322号第20条）");
            }
            case DEDUCT -> {
                deduct(op, details, f);
                return f.verdict("不得扣划", ART_20, "扣划至本案指定的案款账户（法〔2021〕322号第20条）");
            }
            case DISBURSE -> {
                disburse(op, details, f);
                return f.verdict("案款发放存在问题", ALL_ARTICLES,
                        "发放至申请执行人确认的收款账户，且未滞留无争议案款（法〔2021〕322号第20条、第22条）");
            }
            case HOLD -> {
                hold(op, details, f);
                return f.verdict("暂缓发放存在问题", ART_22, "未滞留无争议部分的案款（法〔2021〕322号第22条）");
            }
            default -> {
                return GuardFindings.notConcerned(ID, op.type(), "执行案款操作（FILE_CASE、DEDUCT、DISBURSE、HOLD）");
            }
        }
    }

    private void fileCase(Operation op, GuardDetails details, GuardFindings f) {
        Optional<String> account = details.text("applicantPayeeAccount").filter(a -> !Text.isBlank(a));
        if (account.isEmpty()) {
            account = applicantPayeeAccount(CaseFacts.of(ledger.timeline(op.caseNumber())));
        }
        if (account.isEmpty()) {
            f.deny("PAYEE_ACCOUNT_MISSING", ART_20,
                    "执行立案时必须向申请执行人确认接受案款的方式和具体账户，未载明申请执行人收款账户（applicantPayeeAccount）");
        } else {
            f.figure("applicantPayeeAccount", mask(account.get()));
        }
    }

    private void deduct(Operation op, GuardDetails details, GuardFindings f) {
        BigDecimal amount = amount(details, f);
        if (amount != null) {
            f.figure("amount", amount);
        }
        Optional<String> to = destination(details, "account", f);
        String configured = settings.current().caseAccountOf(op.caseNumber());
        String fromHost = details.text("caseAccount").map(Text::squash).filter(s -> !s.isEmpty()).orElse(null);
        String designated;
        if (configured != null) {
            designated = configured;
            f.figure("caseAccountSource", "configuration");
            if (fromHost != null && !fromHost.equals(configured)) {
                f.deny("CASE_ACCOUNT_MISMATCH", ART_20, "操作载明的案款账户 " + mask(fromHost) + " 与本院配置的案款账户 "
                        + mask(configured) + " 不一致");
            }
        } else if (fromHost != null) {
            designated = fromHost;
            f.figure("caseAccountSource", "details.caseAccount");
        } else {
            f.deny("CASE_ACCOUNT_UNKNOWN", ART_20,
                    "无法确认本案文书指定的案款账户：本院未配置案款账户（money.caseAccounts），操作也未载明 caseAccount");
            return;
        }
        f.figure("caseAccount", mask(designated));
        if (to.isPresent() && !Text.squash(to.get()).equals(designated)) {
            f.deny("DEDUCT_TO_OTHER_ACCOUNT", ART_20, "严禁将案款扣划至文书指定账户以外的其他账户：目标账户 "
                    + mask(to.get()) + " 不是本案案款账户 " + mask(designated));
        }
    }

    private void disburse(Operation op, GuardDetails details, GuardFindings f) {
        Optional<String> to = destination(details, "payeeAccount", f);
        BigDecimal amount = amount(details, f);
        CaseFacts facts = CaseFacts.of(ledger.timeline(op.caseNumber()));
        Optional<String> payee = applicantPayeeAccount(facts);
        if (payee.isEmpty()) {
            f.deny("PAYEE_ACCOUNT_UNKNOWN", ART_20,
                    "立案时未记录申请执行人确认的收款账户（CASE_FILED 的 applicantPayeeAccount），无法核对收款账户");
        } else {
            f.figure("applicantPayeeAccount", mask(payee.get()));
            if (to.isPresent() && !Text.squash(to.get()).equals(Text.squash(payee.get()))) {
                f.deny("DISBURSE_TO_OTHER_ACCOUNT", ART_20, "案款只能发放至申请执行人确认的收款账户 " + mask(payee.get())
                        + "，不得发放至 " + mask(to.get()));
            }
        }
        MoneyFacts money = MoneyFacts.of(facts);
        money.figures(f);
        if (amount != null && money.partlyDisputed() && amount.compareTo(money.undisputedOutstanding()) < 0) {
            f.figure("amount", amount);
            f.warn("UNDISPUTED_PART_HELD", ART_22, "部分案款有争议的，应当先将无争议部分及时发放：无争议部分尚有 "
                    + money.undisputedOutstanding().toPlainString() + " 元未发放，本次只发放 " + amount.toPlainString() + " 元");
        }
    }

    private void hold(Operation op, GuardDetails details, GuardFindings f) {
        BigDecimal amount = amount(details, f);
        MoneyFacts money = MoneyFacts.of(CaseFacts.of(ledger.timeline(op.caseNumber())));
        money.figures(f);
        BigDecimal held = amount == null ? money.outstanding() : amount;
        if (money.partlyDisputed() && held.compareTo(money.disputedOutstanding()) > 0) {
            f.figure("amount", held);
            f.warn("UNDISPUTED_PART_HELD", ART_22, "部分案款有争议的，应当先将无争议部分及时发放：争议部分为 "
                    + money.disputedOutstanding().toPlainString() + " 元，暂缓发放 " + held.toPlainString()
                    + " 元将滞留无争议案款");
        }
    }

    /** {@code details.toAccount}, or its event-vocabulary alias; both given and different is itself refused. */
    private Optional<String> destination(GuardDetails details, String alias, GuardFindings f) {
        Optional<String> to = details.text("toAccount").filter(a -> !Text.isBlank(a));
        Optional<String> other = details.text(alias).filter(a -> !Text.isBlank(a));
        if (to.isPresent() && other.isPresent() && !Text.squash(to.get()).equals(Text.squash(other.get()))) {
            f.deny("ACCOUNTS_CONTRADICT", ART_20, "操作同时载明两个不同的目标账户（toAccount 与 " + alias + "）");
            return to;
        }
        to = to.or(() -> other);
        if (to.isEmpty()) {
            f.deny("TARGET_ACCOUNT_MISSING", ART_20, "未载明目标账户（toAccount），无法核对");
        } else {
            f.figure("toAccount", mask(to.get()));
        }
        return to;
    }

    /**
     * {@code details.amount}, when given.
     *
     * @throws ValidationException naming {@code details.amount} when it is no amount (HTTP 400, as in every guard)
     */
    private static BigDecimal amount(GuardDetails details, GuardFindings f) {
        return details.money("amount").orElse(null);
    }

    /** The applicant's payee account as last recorded on a CASE_FILED (a correction may change it). */
    static Optional<String> applicantPayeeAccount(CaseFacts facts) {
        List<CaseEvent> filings = facts.all(CASE_FILED);
        for (int i = filings.size() - 1; i >= 0; i--) {
            Optional<String> a = filings.get(i).payload().string("applicantPayeeAccount").filter(s -> !Text.isBlank(s));
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private String mask(String account) {
        // as given (not squashed), so that the figure reads as the same detail of the recorded check does
        return masking.mask(Sensitivity.BANK_ACCOUNT, account.strip());
    }

    /** Money received, disputed and paid out on a case (Art. 22). */
    record MoneyFacts(BigDecimal received, BigDecimal disputed, BigDecimal disbursed) {
        static MoneyFacts of(CaseFacts facts) {
            BigDecimal received = Money.ZERO;
            BigDecimal disputed = Money.ZERO;
            BigDecimal disbursed = Money.ZERO;
            for (CaseEvent e : facts.all(MONEY_RECEIVED)) {
                BigDecimal amount = e.payload().money("amount").orElse(Money.ZERO);
                received = received.add(amount);
                disputed = disputed.add(e.payload().money("disputedAmount").orElse(Money.ZERO).min(amount));
            }
            for (CaseEvent e : facts.all(MONEY_DISBURSED)) {
                disbursed = disbursed.add(e.payload().money("amount").orElse(Money.ZERO));
            }
            return new MoneyFacts(received, disputed, disbursed);
        }

        boolean partlyDisputed() {
            return disputed.signum() > 0 && undisputedOutstanding().signum() > 0;
        }

        BigDecimal outstanding() {
            return received.subtract(disbursed).max(Money.ZERO);
        }

        /** What is not disputed and not yet paid out (payments count against the undisputed part first). */
        BigDecimal undisputedOutstanding() {
            return received.subtract(disputed).subtract(disbursed).max(Money.ZERO);
        }

        BigDecimal disputedOutstanding() {
            return outstanding().subtract(undisputedOutstanding());
        }

        void figures(GuardFindings f) {
            if (disputed.signum() > 0) {
                f.figure("received", received).figure("disputed", disputed).figure("disbursed", disbursed)
                        .figure("undisputedOutstanding", undisputedOutstanding());
            }
        }
    }
}
