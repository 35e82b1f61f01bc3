package id.gapura.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.List;
import java.util.Optional;

/**
 * A module's place on the portal and in the back office. Register one per module, from a component that is only
 * active when the module can serve (it references what its pages need), so that the tiles never lead to a page
 * that cannot answer.
 */
@ConsumerType
public interface UiContribution {

    /** The citizen services shown as tiles on the portal, in the order given. */
    default List<Tile> tiles() {
        return List.of();
    }

    /** The module's entries in the back office's menu; each shown only to officers with one of its roles. */
    default List<MenuEntry> menu() {
        return List.of();
    }

    /**
     * Where the portal's "track by number" box sends a number this module issued: a citizen page path of this
     * module with the number in its query (e.g. {@code /lacak?nomor=ADU-2026-000123}); empty when the number is not
     * one of this module's. Decide from the number's shape only, without a database query.
     */
    default Optional<String> trackingPage(String number) {
        return Optional.empty();
    }
}
