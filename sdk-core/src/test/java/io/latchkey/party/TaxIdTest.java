package io.latchkey.party;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.latchkey.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tax ids by their country's rule; the valid numbers are real organizations' published ones. */
class TaxIdTest {

    @Test
    void aPolishNipHasTenDigitsWithItsWeightedCheckDigit() {
        // PKN Orlen, the Polish Ministry of Finance
        assertEquals(List.of("7740001454", "5261040828", "7740001454"), List.of(TaxId.parse("nip", "PL", "7740001454"),
                TaxId.parse("nip", "pl", "526-104-08-28"), TaxId.parse("nip", "PL", "PL 774 000 14 54")));
        for (String bad : List.of("7740001455", "774000145", "77400014540", "77400O1454", "0000000000x")) {
            refused(ErrorCode.TAX_ID_INVALID, "nip", () -> TaxId.parse("nip", "PL", bad));
        }
    }

    @Test
    void aUkrainianEdrpouHasEightDigitsWithTheCheckDigitItsRangeWeighs() {
        // PrivatBank (below 30 000 000, weights 1..7), and two state bodies with leading zeros
        assertEquals(List.of("14360570", "00032129", "00032106"), List.of(TaxId.parse("code", "UA", "14360570"),
                TaxId.parse("code", "UA", "00032129"), TaxId.parse("code", "ua", "UA 0003 2106")));
        for (String bad : List.of("14360571", "1436057", "30000004", "1436O570")) {
            refused(ErrorCode.TAX_ID_INVALID, "code", () -> TaxId.parse("code", "UA", bad));
        }
    }

    @Test
    void aRussianInnKeepsItsOwnRuleAndIsTheDefault() {
        assertEquals("7707083893", TaxId.parse("inn", "RU", "7707083893"));
        assertEquals("7707083893", TaxId.parse("inn", null, "7707 083893"));
        refused(ErrorCode.INN_INVALID, "inn", () -> TaxId.parse("inn", "RU", "7707083894"));
        refused(ErrorCode.INN_INVALID, "inn", () -> TaxId.parse("inn", null, "7740001454")); // a NIP is no INN
    }

    @Test
    void elsewhereATaxIdIsFreeButBounded() {
        assertEquals("DE 123456789", TaxId.parse("vat", "DE", "de 123456789"));
        assertEquals("GB-123/45.6", TaxId.parse("vat", "GB", "GB-123/45.6"));
        refused(ErrorCode.FIELD_TOO_LONG, "vat", () -> TaxId.parse("vat", "DE", "1".repeat(33)));
        refused(ErrorCode.TAX_ID_INVALID, "vat", () -> TaxId.parse("vat", "DE", "12;DROP"));
        refused(ErrorCode.FIELD_REQUIRED, "vat", () -> TaxId.parse("vat", "DE", " "));
        assertNull(TaxId.optional("vat", "DE", " "));
    }
}
