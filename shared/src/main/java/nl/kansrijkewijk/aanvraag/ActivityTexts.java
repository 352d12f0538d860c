package nl.kansrijkewijk.aanvraag;

import nl.kansrijkewijk.finding.Texts;

/** How findings, letters and workpapers name an activity in Dutch. */
public final class ActivityTexts {
    private ActivityTexts() {}

    /** "activiteit 4 'Naschoolse sport'" (without a name: "activiteit 4"). */
    public static String activity(Activity a) {
        return "activiteit " + a.number() + (Texts.blank(a.name()) ? "" : " " + Texts.quote(a.name()));
    }

    /** Same, capitalised for the start of a sentence. */
    public static String activityAtStart(Activity a) {
        return Texts.capitalise(activity(a));
    }

    /** Name and omschrijving of an activity as one text for signal-word matching. */
    public static String nameAndDescription(Activity a) {
        return (a.name() == null ? "" : a.name()) + " " + (a.description() == null ? "" : a.description());
    }
}
