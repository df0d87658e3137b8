package org.jiandu.ledger.internal.mask;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.mask} ({@code etc/org.jiandu.mask.cfg}): what every view masks and who may
 * reveal (README "Masking and reveal"). Read with {@link org.jiandu.api.config.ConfigReader}: a bad value is refused
 * with an ERROR naming PID and key and replaced by its default (masking on), and health ({@code jiandu.mask}) shows
 * DEGRADED; a typo never switches masking off.
 */
@ObjectClassDefinition(name = "Jiandu masking policy",
        description = "Masking of identifiers of natural persons, bank accounts and phone numbers in every view"
                + " (个人信息保护法 Arts. 28, 51)")
public @interface MaskConfig {
    @AttributeDefinition(description = "Mask identifiers of natural persons (resident ids, passports, permits, ids of"
            + " unknown kind)")
    boolean personalId_masked() default true;

    @AttributeDefinition(description = "Characters of a personal identifier kept visible at its end", min = "0",
            max = "8")
    int personalId_keep() default 4;

    @AttributeDefinition(description = "Mask bank and payment account numbers")
    boolean bankAccount_masked() default true;

    @AttributeDefinition(description = "Characters of an account number kept visible at its end", min = "0", max = "8")
    int bankAccount_keep() default 4;

    @AttributeDefinition(description = "Mask telephone numbers")
    boolean phone_masked() default true;

    @AttributeDefinition(description = "Characters of a telephone number kept visible at its end", min = "0", max = "8")
    int phone_keep() default 4;

    @AttributeDefinition(description = "Roles that may reveal full values (?reveal=true&reason=…) for the courts their"
            + " organisation covers; admin always may")
    String[] revealRoles() default {"court-officer", "supervisor"};
}
