package org.jiandu.credit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.credit} ({@code etc/org.jiandu.credit.cfg}). Each number the law sets is the
 * default; each number marked [U] (not found in a verified text) and each reading of an ambiguous provision is a
 * choice a court may change, and says so.
 */
@ObjectClassDefinition(name = "Jiandu credit restriction",
        description = "Numbers and readings of Art. 23 of 法〔2021〕322号, 公布失信规定 (2017), 限制消费规定 (2015) and"
                + " 法发〔2019〕35号 Arts. 14–17.")
public @interface CreditConfiguration {

    @AttributeDefinition(name = "Lift within (working days)",
            description = "Lift a restriction, or delete a listing, within this many working days of its ground"
                    + " (Art. 23; 公布失信规定 Art. 10). 0–10.", min = "0", max = "10")
    int lift_workingDays() default 3;

    @AttributeDefinition(name = "Shortest grace period (months)",
            description = "法发〔2019〕35号 Art. 15: 1–3 months. 1–12.", min = "1", max = "12")
    int grace_minMonths() default 1;

    @AttributeDefinition(name = "Longest grace period (months)",
            description = "法发〔2019〕35号 Art. 15: 1–3 months. 1–12.", min = "1", max = "12")
    int grace_maxMonths() default 3;

    @AttributeDefinition(name = "Publication needs service",
            description = "Refuse publication and pushes until the decision's service is recorded. Policy, not law"
                    + " (the decision takes effect when made; Art. 23: 制作决定书送达当事人; 法发〔2019〕35号 Art. 14).")
    boolean publish_requiresService() default true;

    @AttributeDefinition(name = "Roles that may sign",
            description = "Signer roles accepted for a 失信 decision, a 限消令 and a temporary lift (公布失信规定 Art. 5"
                    + " ¶3, 限制消费规定 Art. 5, 法发〔2019〕35号 Art. 17: 院长). Add VICE_PRESIDENT where a court's rules"
                    + " let a vice-president sign for the president.")
    String[] signerRoles() default {"PRESIDENT"};

    @AttributeDefinition(name = "Shortest fixed listing period (months)",
            description = "公布失信规定 Art. 2: 2 years.", min = "1", max = "120")
    int listing_minMonths() default 24;

    @AttributeDefinition(name = "Longest fixed listing period (months)",
            description = "公布失信规定 Art. 2: 2 years + 1–3 years = 5 years.", min = "1", max = "120")
    int listing_maxMonths() default 60;

    @AttributeDefinition(name = "Renewed application bar (months) [U]",
            description = "After a deletion the applicant asked for, a renewed application to list the same debtor"
                    + " is refused within this many months (公布失信规定 Art. 10 ¶4; the number is not in a verified"
                    + " text). 0 switches the bar off.", min = "0", max = "60")
    int listing_reapplyBarMonths() default 6;

    @AttributeDefinition(name = "A fixed period excludes Art. 10 ¶1",
            description = "公布失信规定 Art. 10 ¶2 \"有纳入期限的，不适用前款规定\": true (the reprints' reading) — a"
                    + " fixed-period listing ends only on expiry, early deletion or full execution (Art. 23's"
                    + " 及时屏蔽); false — the Art. 10 ¶1 events end it too.")
    boolean listing_fixedPeriodExcludesArt10() default true;

    @AttributeDefinition(name = "Application review (days) [U]",
            description = "Decide on an applicant's listing application within this many days (公布失信规定 Art. 5"
                    + " ¶2 of the 2017 revision; the 15 days were not found in a verified text of it). 1–60.",
            min = "1",
            max = "60")
    int application_reviewDays() default 15;

    @AttributeDefinition(name = "Longest temporary lift (months)",
            description = "法发〔2019〕35号 Art. 17(3): at most 1 month.", min = "1", max = "3")
    int temporaryLift_maxMonths() default 1;

    @AttributeDefinition(name = "Published id: leading characters kept",
            description = "The public 失信 list shows a natural person's 身份证号码 (公布失信规定 Art. 6) with only this"
                    + " many leading and publication.idKeepLast trailing characters; the rest as *. 0–8.",
            min = "0", max = "8")
    int publication_idKeepFirst() default 4;

    @AttributeDefinition(name = "Published id: trailing characters kept", description = "See"
            + " publication.idKeepFirst. 0–8.", min = "0", max = "8")
    int publication_idKeepLast() default 4;
}
