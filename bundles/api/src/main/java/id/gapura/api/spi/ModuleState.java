package id.gapura.api.spi;

/** Where a module of the catalog stands in this container. */
public enum ModuleState {
    /** In the catalog, not installed. */
    AVAILABLE,
    /** Installed and its {@link GapuraModule} service is registered. */
    INSTALLED,
    /** Installed (or being installed) but not serving; see the failure text. */
    FAILED
}
