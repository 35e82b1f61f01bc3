package id.gapura.permits.pages;

import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import id.gapura.api.ui.Page;
import id.gapura.api.ui.PageRequest;
import id.gapura.api.ui.View;
import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import id.gapura.permits.rules.FeeRule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fee simulation (retribusi) of a permit type: the citizen states the quantities and choices the type's fee
 * rule asks, and sees the amount and how it was computed, by the same rule the office applies.
 */
@Component(service = Page.class, property = {Page.PATH + "=" + PermitsUi.FEE, Page.AUDIENCE + "=" + Page.CITIZEN})
public class FeePage implements Page {

    private static final String PREFIX = "parameters.";

    private final PermitTypes types;

    @Activate
    public FeePage(@Reference PermitTypes types) {
        this.types = types;
    }

    @Override
    public View get(PageRequest request) {
        Optional<PermitType> type = request.parameter("jenis").flatMap(types::find);
        if (type.isEmpty()) {
            return View.notFound();
        }
        if (request.parameter("hitung").isEmpty()) {
            return form(type.get(), request, null, null);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (FeeRule.Factor factor : type.get().feeRule().factors()) {
            request.parameter(factor.name()).ifPresent(value -> given.put(factor.name(), value));
        }
        try {
            FeeRule.Calculation fee = types.simulate(type.get().code(), given);
            return form(type.get(), request, fee, null);
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            List<FieldError> errors = e.errors().stream().map(error -> new FieldError(
                    error.field().startsWith(PREFIX) ? error.field().substring(PREFIX.length()) : error.field(),
                    request.message("biaya.galat"))).toList();
            return form(type.get(), request, null, errors);
        }
    }

    private View form(PermitType type, PageRequest request, FeeRule.Calculation fee, List<FieldError> errors) {
        List<Map<String, Object>> factors = new ArrayList<>();
        for (FeeRule.Factor factor : type.feeRule().factors()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", factor.name());
            view.put("label", factor.label() + (factor.unit() == null || factor.unit().isBlank() ? ""
                    : " (" + factor.unit() + ")"));
            view.put("value", request.parameter(factor.name()).orElse(""));
            List<Map<String, String>> options = new ArrayList<>();
            if (factor.hasOptions()) {
                factor.options().forEach(option -> options.add(Map.of("value", option.code(), "label", option.label())));
            }
            view.put("options", options);
            factors.add(view);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", Map.of("code", type.code(), "name", type.name(), "fee", type.feeRule().describe()));
        model.put("factors", factors);
        model.put("computed", fee != null);
        model.put("amount", fee == null ? "" : FeeRule.rupiah(fee.amount()));
        model.put("formula", fee == null ? "" : fee.formula());
        View view = View.page("fee.ftlh", "biaya.judul", model);
        return errors == null ? view : view.invalid(errors);
    }
}
