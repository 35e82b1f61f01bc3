package id.gapura.web.pages;

import id.gapura.api.ui.PageRequest;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A page's view of a servlet request; every string is stripped and bounded before the page sees it. */
final class ServletPageRequest implements PageRequest {

    /** Longest value of one field a page is given; a longer one is cut here and refused by the page's own bound. */
    static final int MAX_VALUE = 20_000;
    /** Largest file of one form field. */
    static final long MAX_FILE = 10L * 1024 * 1024;

    private final HttpServletRequest request;
    private final Locale locale;
    private final Officer officer;
    private final ModuleUi files;

    ServletPageRequest(HttpServletRequest request, Locale locale, Officer officer, ModuleUi files) {
        this.request = request;
        this.locale = locale;
        this.officer = officer;
        this.files = files;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Optional<String> parameter(String name) {
        List<String> values = parameters(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> parameters(String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < values.length && i < 100; i++) {
            String value = values[i].strip();
            if (!value.isEmpty()) {
                kept.add(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        }
        return kept;
    }

    @Override
    public Optional<Upload> upload(String name) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        try {
            Part part = request.getPart(name);
            if (part == null || part.getSize() == 0 || part.getSubmittedFileName() == null
                    || part.getSubmittedFileName().isBlank()) {
                return Optional.empty();
            }
            if (part.getSize() > MAX_FILE) {
                throw new TooLarge();
            }
            try (InputStream in = part.getInputStream()) {
                byte[] content = in.readNBytes((int) MAX_FILE + 1);
                if (content.length > MAX_FILE) {
                    throw new TooLarge();
                }
                String fileName = part.getSubmittedFileName().strip();
                return Optional.of(new Upload(fileName.length() > 200 ? fileName.substring(0, 200) : fileName,
                        part.getContentType(), content));
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            throw new TooLarge();
        }
    }

    @Override
    public Optional<Officer> officer() {
        return Optional.ofNullable(officer);
    }

    @Override
    public String message(String key, Object... arguments) {
        return files.message(locale, key, arguments).orElse(key);
    }

    /** A form larger than the platform accepts: answered with 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request too large", null, false, false);
        }
    }
}
