package id.gapura.permits.pages;

import id.gapura.api.ui.Tile;
import id.gapura.api.ui.UiContribution;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.RegistrationNumbers;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.List;
import java.util.Optional;

/** Permits on the portal: the permit types with their requirements and fees, and applications tracked by number. */
@Component(service = UiContribution.class)
public class PermitsUi implements UiContribution {

    static final String TYPES = "/";
    static final String FEE = "/biaya";
    static final String TRACK = "/lacak";
    static final String VERIFY = "/verifikasi";

    /** Active only when the module can answer (its database is migrated). */
    @Reference
    private Applications applications;

    @Override
    public List<Tile> tiles() {
        return List.of(new Tile(TYPES, "tile.types.title", "tile.types.text", "izin", "tile.types.keywords"),
                new Tile(VERIFY, "tile.verify.title", "tile.verify.text", "layanan", "tile.verify.keywords"));
    }

    @Override
    public Optional<String> trackingPage(String number) {
        return RegistrationNumbers.looksValid(number) ? Optional.of(TRACK + "?nomor=" + number) : Optional.empty();
    }
}
