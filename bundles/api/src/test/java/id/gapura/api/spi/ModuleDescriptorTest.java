package id.gapura.api.spi;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleDescriptorTest {

    private final Map<String, String> headers = new HashMap<>(Map.of(
            "Gapura-Module-Id", "complaints",
            "Gapura-Module-Name", "Pengaduan Masyarakat",
            "Gapura-Module-Name-En", "Citizen complaints",
            "Bundle-Version", "1.2.0"));

    @Test
    void readsHeadersWithDefaultsForApiPathAndTablePrefix() {
        ModuleDescriptor module = ModuleDescriptor.fromHeaders(headers::get).orElseThrow();
        assertEquals("complaints", module.id());
        assertEquals("/api/complaints", module.apiPath());
        assertEquals("complaints_", module.tablePrefix());
        assertEquals("gapura-complaints", module.featureName());
        assertEquals("1.2.0", module.version());
        assertEquals(List.of(), module.roles());
    }

    @Test
    void readsTheRolesTheModuleDeclares() {
        headers.put("Gapura-Module-Roles", " complaints-coordinator ,complaints-liaison,, ");
        assertEquals(List.of("complaints-coordinator", "complaints-liaison"),
                ModuleDescriptor.fromHeaders(headers::get).orElseThrow().roles());
    }

    @Test
    void aBundleWithoutTheIdHeaderIsNotAModule() {
        headers.remove("Gapura-Module-Id");
        assertTrue(ModuleDescriptor.fromHeaders(headers::get).isEmpty());
    }

    @Test
    void aModuleWithoutItsNamesIsRefusedNamingTheHeader() {
        headers.remove("Gapura-Module-Name-En");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModuleDescriptor.fromHeaders(headers::get));
        assertEquals("Module 'complaints' has no Gapura-Module-Name-En header in its manifest", refused.getMessage());
    }

    @Test
    void idsAreShortLowercaseWords() {
        headers.put("Gapura-Module-Id", "Complaints-2");
        assertThrows(IllegalArgumentException.class, () -> ModuleDescriptor.fromHeaders(headers::get));
    }
}
