package io.latchkey.server;

import io.latchkey.notify.Language;
import java.util.Map;

/** The words of the printable document page, in the reader's language (ru, en, pl). */
final class PrintTexts {

    private static final Map<String, Map<Language, String>> TEXTS = Map.ofEntries(
            Map.entry("Document", words("Документ", "Document", "Dokument")),
            Map.entry("Number", words("Номер", "Number", "Numer")),
            Map.entry("Type", words("Тип", "Type", "Typ")),
            Map.entry("Date", words("Дата", "Date", "Data")),
            Map.entry("Seller", words("Продавец", "Seller", "Sprzedawca")),
            Map.entry("Buyer", words("Покупатель", "Buyer", "Nabywca")),
            Map.entry("Name", words("Наименование", "Name", "Nazwa")),
            Map.entry("Tax id", words("ИНН", "Tax id", "NIP")),
            Map.entry("Address", words("Адрес", "Address", "Adres")),
            Map.entry("Director", words("Руководитель", "Director", "Dyrektor")),
            Map.entry("Phone", words("Телефон", "Phone", "Telefon")),
            Map.entry("E-mail", words("E-mail", "E-mail", "E-mail")),
            Map.entry("Id", words("Идентификатор", "Id", "Identyfikator")),
            Map.entry("Licenses", words("Лицензии", "Licenses", "Licencje")),
            Map.entry("Code", words("Код", "Code", "Kod")),
            Map.entry("License id", words("Лицензия", "License id", "Licencja")),
            Map.entry("State", words("Состояние", "State", "Stan")),
            Map.entry("MINT", words("Выпуск", "Minting", "Emisja")),
            Map.entry("REVEAL_TO_SELF", words("Раскрытие себе", "Reveal to self", "Odkrycie dla siebie")),
            Map.entry("SALE_TO_PARTNER", words("Продажа партнёру", "Sale to a partner", "Sprzedaż partnerowi")),
            Map.entry("SALE_TO_COMPANY", words("Продажа компании", "Sale to a company", "Sprzedaż firmie")),
            Map.entry("SALE_TO_UNREGISTERED", words("Продажа незарегистрированной компании",
                    "Sale to an unregistered company", "Sprzedaż niezarejestrowanej firmie")),
            Map.entry("SEALED", words("Закрыта", "Sealed", "Zamknięta")),
            Map.entry("REVEALED", words("Раскрыта", "Revealed", "Odkryta")),
            Map.entry("ASSIGNED", words("Передана", "Assigned", "Przekazana")),
            Map.entry("SOLD", words("Продана", "Sold", "Sprzedana")));

    private final Language language;

    PrintTexts(Language language) {
        this.language = language;
    }

    /** The word for {@code key} (an English label or an enumeration's name); the key itself if there is none. */
    String of(String key) {
        Map<Language, String> words = TEXTS.get(key);
        return words == null ? key : words.get(language);
    }

    String lang() {
        return language.tag();
    }

    private static Map<Language, String> words(String ru, String en, String pl) {
        return Map.of(Language.RU, ru, Language.EN, en, Language.PL, pl);
    }
}
