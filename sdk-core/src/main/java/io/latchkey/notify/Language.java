package io.latchkey.notify;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.internal.Checks;
import java.util.Locale;

/** The languages every text of the SDK (e-mails, screens) exists in. */
public enum Language {
    /** Russian. */
    RU("ru"),
    /** English. */
    EN("en"),
    /** Polish. */
    PL("pl");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code ru}, {@code en}, {@code pl}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /**
     * The language of a tag such as {@code "ru"}, {@code "EN"} or {@code "pl-PL"}.
     *
     * @throws LatchkeyException {@link ErrorCode#LANGUAGE_UNSUPPORTED} naming {@code field}
     */
    public static Language parse(String field, String value) {
        String tag = Checks.required(field, value).toLowerCase(Locale.ROOT);
        int dash = tag.indexOf('-') >= 0 ? tag.indexOf('-') : tag.indexOf('_');
        String primary = dash > 0 ? tag.substring(0, dash) : tag;
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        throw LatchkeyException.ofField(ErrorCode.LANGUAGE_UNSUPPORTED, field, value);
    }
}
