package nl.kansrijkewijk.finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Links a reviewer's judgement (itself a finding, added by the dossier) back to the waarschuwing it judged, so the
 * letter can tell what is still open without knowing the dossier. The judgement carries the judged rule in its
 * trail and the same subject (onderdeel, focusgebied, activity, form field) as the finding it judges.
 */
public final class Judgements {
    /** Trail input naming the rule of the judged finding. */
    public static final String JUDGED_RULE = "Beoordeelde regel";
    /**
     * Trail input naming the article a judgement of a whole activity decides (the art. 12 judgement): it closes every
     * waarschuwing on that activity under that article, since the reviewer has given the judgement they asked for.
     */
    public static final String JUDGED_ARTICLE = "Beoordeeld artikel";
    /** Trail input with the judgement's label ("akkoord", "niet van toepassing", "afwijzen"). */
    public static final String OORDEEL = "Oordeel";

    private Judgements() {}

    /** The judgement of {@code f} among {@code findings}, the last one if there are several. */
    public static Optional<Finding> of(Finding f, List<Finding> findings) {
        Finding found = null;
        for (Finding j : findings) {
            if (judges(j, f)) {
                found = j;
            }
        }
        return Optional.ofNullable(found);
    }

    static boolean judges(Finding judgement, Finding f) {
        if (judgement == f || judgement.trail() == null) {
            return false;
        }
        String article = judgement.trail().inputs().get(JUDGED_ARTICLE);
        if (article != null) {
            return f.activity() != null && f.activity().equals(judgement.activity()) && f.article() != null
                    && (f.article().equals(article) || f.article().startsWith(article + ","));
        }
        if (!f.rule().equals(judgement.trail().inputs().get(JUDGED_RULE))) {
            return false;
        }
        // a refusal may fill in the onderdeel or focusgebied from the activity where the finding had none
        return (f.onderdeel() == null || f.onderdeel().equals(judgement.onderdeel()))
                && (f.focusgebied() == null || f.focusgebied().equals(judgement.focusgebied()))
                && Objects.equals(f.activity(), judgement.activity())
                && Objects.equals(field(f), field(judgement));
    }

    private static String field(Finding f) {
        return f.location() == null ? null : f.location().field();
    }
}
