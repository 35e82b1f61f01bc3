package id.gapura.permits.pages;

import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Is this permit genuine? The page the QR code on an issued permit leads to: by its permit number, the holder,
 * the type, the dates and whether it is still valid; nothing more (the API's public verification).
 */
@Component(service = Page.class, property = {Page.PATH + "=" + PermitsUi.VERIFY, Page.AUDIENCE + "=" + Page.CITIZEN})
public class VerificationPage implements Page {

    private final Applications applications;

    @Activate
    public VerificationPage(@Reference Applications applications) {
        this.applications = applications;
    }

    @Override
    public View get(PageRequest request) {
        Optional<String> number = request.parameter("nomor");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("asked", number.isPresent());
        model.put("number", number.orElse(""));
        if (number.isEmpty()) {
            return View.page("verify.ftlh", "verifikasi.judul", model);
        }
        Optional<Views.Verification> found = applications.verify(number.get());
        model.put("found", found.isPresent());
        found.ifPresent(permit -> {
            DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", request.locale());
            model.put("holder", permit.holderName());
            model.put("type", permit.typeName());
            model.put("issuedOn", permit.issuedOn() == null ? "" : date.format(permit.issuedOn()));
            model.put("validUntil", permit.validUntil() == null ? "" : date.format(permit.validUntil()));
            model.put("status", request.message("verifikasi.status." + permit.status()));
            model.put("valid", "valid".equals(permit.status()));
        });
        View view = View.page("verify.ftlh", "verifikasi.judul", model);
        return found.isPresent() ? view : new View(View.Kind.PAGE, 404, view.template(), view.titleKey(),
                view.model(), null, null);
    }
}
