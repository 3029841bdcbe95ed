package io.latchkey.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void parsesTagsInAnyCaseWithOrWithoutRegion() {
        assertEquals(Language.RU, Language.parse("language", "ru"));
        assertEquals(Language.EN, Language.parse("language", "EN"));
        assertEquals(Language.PL, Language.parse("language", "pl-PL"));
        assertEquals(Language.EN, Language.parse("language", "en_GB"));
        assertEquals(Language.RU, Language.parse("language", " ru "));
    }

    @Test
    void everyLanguageParsesFromItsOwnTag() {
        for (Language language : Language.values()) {
            assertEquals(language, Language.parse("language", language.tag()));
            assertEquals(language.tag(), language.locale().getLanguage());
        }
    }

    @Test
    void refusesALanguageTheSdkDoesNotSpeak() {
        for (String tag : new String[] {"de", "DE-de", "english", "r", "-ru"}) {
            LatchkeyException e = assertThrows(LatchkeyException.class, () -> Language.parse("preferredLanguage", tag));
            assertEquals(ErrorCode.LANGUAGE_UNSUPPORTED, e.code(), tag);
            assertEquals(ErrorCategory.INVALID, e.category());
            assertEquals(Optional.of("preferredLanguage"), e.field());
        }
    }

    @Test
    void refusesABlankLanguageAsRequired() {
        for (String blank : new String[] {null, "", "   "}) {
            LatchkeyException e = assertThrows(LatchkeyException.class, () -> Language.parse("preferredLanguage",
                    blank));
            assertEquals(ErrorCode.FIELD_REQUIRED, e.code());
            assertEquals(Optional.of("preferredLanguage"), e.field());
        }
    }
}
