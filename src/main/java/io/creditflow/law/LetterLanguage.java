package io.creditflow.law;

/**
 * The languages Creditflow writes letters in, each with the term sentence templates must use verbatim. The Dutch
 * sentence is the wording that follows the Hoge Raad's 2016 ruling; the others say the same: counted from the day
 * after delivery, never from the letter date.
 */
public enum LetterLanguage {

    NL("binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd"),
    EN("within fourteen days from the day after this letter has been delivered to you"),
    DE("innerhalb von vierzehn Tagen ab dem Tag, der auf die Zustellung dieses Schreibens bei Ihnen folgt"),
    FR("dans un délai de quatorze jours à compter du lendemain du jour où cette lettre vous a été remise");

    private final String safeTermSentence;

    LetterLanguage(String safeTermSentence) {
        this.safeTermSentence = safeTermSentence;
    }

    /** The term wording, lower case, to be placed inside a sentence ("Betaal ... " / "Please pay ..."). */
    public String safeTermSentence() {
        return safeTermSentence;
    }
}
