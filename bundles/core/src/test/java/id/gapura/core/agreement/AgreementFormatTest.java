package id.gapura.core.agreement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgreementFormatTest {

    @Test
    void namesEveryProblemOfADocument() {
        String json = """
                {"number": "", "provider": {"name": "Kota Tangerang", "code": "Tangerang"},
                 "region": {"name": "Kabupaten Karawang", "code": "3215", "head": "Bupati"},
                 "signedOn": "2026-01-15", "validFrom": "2026-02-01", "validUntil": "2025-01-31",
                 "modules": [{"id": "complaints", "versions": "[1,0"}, {"id": "Complaints", "versions": "1"},
                             {"id": "permits", "versions": "1", "config": {"fee": {"amount": 1}}}],
                 "price": 10}""";
        String message = assertThrows(AgreementRefusedException.class, () -> AgreementFormat.parse(json)).getMessage();
        assertEquals("Malformed agreement: unknown field 'price' (known: modules, mou, number, provider, region, "
                + "signedOn, validFrom, validUntil); 'number' must be a non-empty text; 'provider.code' must be a "
                + "Kemendagri region code like 3671 or 36.71, not 'Tangerang'; unknown field 'region.head' (known: "
                + "code, name); 'modules[0].versions' must be an OSGi version range like [0.1,1), not '[1,0'; "
                + "'modules[1].id' must be a module id (2-31 lowercase letters or digits), not 'Complaints'; "
                + "'modules[2].config.fee' must be a text, a number or true/false; 'validUntil' (2025-01-31) is "
                + "before 'validFrom' (2026-02-01); 'signedOn' (2026-01-15) is after 'validUntil' (2025-01-31).",
                message);
    }

    @Test
    void refusesDuplicateFieldsAndModules() {
        assertEquals("Malformed agreement: the signed content is not valid JSON (Duplicate field 'number' at line 1, "
                        + "column 25).",
                assertThrows(AgreementRefusedException.class,
                        () -> AgreementFormat.parse("{\"number\": \"1\", \"number\": \"2\"}")).getMessage());
        String twice = Documents.json("2026-02-01", "2028-01-31",
                "[{\"id\": \"complaints\", \"versions\": \"[0,1)\"}, {\"id\": \"complaints\", \"versions\": \"[1,2)\"}]");
        assertEquals("Malformed agreement: module 'complaints' is listed twice.",
                assertThrows(AgreementRefusedException.class, () -> AgreementFormat.parse(twice)).getMessage());
    }
}
