package id.gapura.web.pages;

/** Where the pages live; one place, so that links and routing agree. */
final class PagePaths {

    /** Citizen pages of a module. */
    static final String CITIZEN = "/layanan/";
    /** The back office. */
    static final String OFFICE = "/kantor";
    static final String LOGIN = OFFICE + "/masuk";
    static final String LOGOUT = OFFICE + "/keluar";
    /** Static files: the platform's below {@code /aset/gapura/}, a module's below {@code /aset/<id>/}. */
    static final String ASSETS = "/aset/";
    static final String PLATFORM_ASSETS = ASSETS + "gapura/";
    static final String SEARCH = "/cari";
    static final String TRACK = "/lacak";
    static final String LANGUAGE = "/bahasa";

    private PagePaths() {
    }

    static String citizen(String moduleId) {
        return CITIZEN + moduleId;
    }

    static String office(String moduleId) {
        return OFFICE + "/" + moduleId;
    }

    /** A path of this site a redirect may go back to: starts with one slash, no scheme, no backslash, bounded. */
    static boolean isLocal(String path) {
        return path != null && path.length() <= 2000 && path.startsWith("/") && !path.startsWith("//")
                && path.indexOf('\\') < 0 && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
