package id.gapura.complaints.pages;

import id.gapura.api.ui.MenuEntry;
import id.gapura.api.ui.Tile;
import id.gapura.api.ui.UiContribution;
import id.gapura.complaints.internal.Officer;
import id.gapura.complaints.internal.ReportService;
import id.gapura.complaints.internal.TrackingNumbers;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The complaints module on the portal (report a problem) and in the back office (inbox, dispositions, figures). */
@Component(service = UiContribution.class)
public class ComplaintsUi implements UiContribution {

    static final String REPORT = "/lapor";
    static final String FORM = "/lapor/isi";
    static final String SENT = "/terkirim";
    static final String TRACK = "/lacak";
    static final String INBOX = "/kotak-masuk";
    static final String REPORT_PAGE = "/laporan";
    static final String DISPOSITIONS = "/disposisi";
    static final String STATISTICS = "/statistik";

    /** Active only when the module can take reports (its database is migrated). */
    @Reference
    private ReportService reports;

    @Override
    public List<Tile> tiles() {
        return List.of(new Tile(REPORT, "tile.title", "tile.text", "pengaduan", "tile.keywords"));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(INBOX, "menu.inbox", Set.of(Officer.COORDINATOR, Officer.VIEWER)),
                new MenuEntry(DISPOSITIONS, "menu.dispositions", Set.of(Officer.LIAISON)),
                new MenuEntry(STATISTICS, "menu.statistics", Set.of(Officer.COORDINATOR, Officer.VIEWER)));
    }

    @Override
    public Optional<String> trackingPage(String number) {
        return TrackingNumbers.looksValid(number) ? Optional.of(TRACK + "?nomor=" + number) : Optional.empty();
    }
}
