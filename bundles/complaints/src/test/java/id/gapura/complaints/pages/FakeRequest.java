package id.gapura.complaints.pages;

import id.gapura.api.ui.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A page's request as the platform gives it, without a container: values stripped and blank ones absent, an
 * officer of the session, and messages as their keys followed by their arguments ({@code key[a, b]}).
 */
final class FakeRequest implements PageRequest {

    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Officer officer;

    private FakeRequest(Officer officer) {
        this.officer = officer;
    }

    static FakeRequest officer(String name, String... roles) {
        return new FakeRequest(new Officer(name, Set.of(roles)));
    }

    FakeRequest with(String name, String value) {
        parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    FakeRequest upload(String name, byte[] content) {
        uploads.put(name, new Upload("foto.jpg", "image/jpeg", content));
        return this;
    }

    @Override
    public Locale locale() {
        return Locale.forLanguageTag("id");
    }

    @Override
    public Optional<String> parameter(String name) {
        List<String> values = parameters(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> parameters(String name) {
        return parameters.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    @Override
    public Optional<Upload> upload(String name) {
        return Optional.ofNullable(uploads.get(name));
    }

    @Override
    public Optional<Officer> officer() {
        return Optional.ofNullable(officer);
    }

    @Override
    public String message(String key, Object... arguments) {
        return arguments.length == 0 ? key : key + List.of(arguments);
    }
}
