package org.jiandu.api;

/** The role names Jiandu's REST layer and shell know. A user holds one or more, through Karaf JAAS. */
public final class Roles {
    /** The court's enforcement case flow system, which reports events and asks guards. */
    public static final String HOST_SYSTEM = "host-system";
    /** An enforcement officer (执行员 / 法官). */
    public static final String COURT_OFFICER = "court-officer";
    /** A supervisor (专人, 负责同志): reads alerts and timelines of their court. */
    public static final String SUPERVISOR = "supervisor";
    /** An inspector (督察 / 纪检监察, Arts. 31–34). */
    public static final String INSPECTOR = "inspector";
    /** A prosecutor of the procuratorate (Art. 36). */
    public static final String PROSECUTOR = "prosecutor";
    /** Administrator: sees every organisation. */
    public static final String ADMIN = "admin";

    /** Prefix of the JAAS role principal that names the user's organisation, e.g. {@code org:京0105}. */
    public static final String ORGANISATION_PREFIX = "org:";

    private Roles() {
    }
}
