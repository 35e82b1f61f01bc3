package id.gapura.permits.pages;

import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The permit types a citizen can apply for: what each needs, what it costs and how long it takes. */
@Component(service = Page.class, property = {Page.PATH + "=" + PermitsUi.TYPES, Page.AUDIENCE + "=" + Page.CITIZEN})
public class TypesPage implements Page {

    private final PermitTypes types;

    @Activate
    public TypesPage(@Reference PermitTypes types) {
        this.types = types;
    }

    @Override
    public View get(PageRequest request) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PermitType type : types.all(true)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("code", type.code());
            view.put("name", type.name());
            view.put("description", type.description() == null ? "" : type.description());
            view.put("documents", type.requiredDocuments().stream().map(PermitType.Document::name).toList());
            view.put("slaDays", type.slaDays());
            view.put("fee", type.feeRule().describe());
            view.put("hasFee", type.feeRule().hasFee());
            view.put("validityMonths", type.validityMonths() == null ? 0 : type.validityMonths());
            list.add(view);
        }
        return View.page("types.ftlh", "jenis.judul", Map.of("types", list));
    }
}
