package id.gapura.core.internal.lifecycle;

import org.apache.karaf.features.DeploymentListener;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesListener;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.features.RepositoryEvent;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A features service over a list of features, as Karaf's own features tests fake it: installs and uninstalls
 * flip a flag, every call that changes something is recorded, and a feature can be made to fail to install.
 * What the lifecycle never calls throws.
 */
class FakeFeaturesService implements FeaturesService {

    /** {@code installFeatures [gapura-notes/1.0.0] [NoAutoRefreshBundles]}, in order. */
    final List<String> calls = new ArrayList<>();
    final List<FeaturesListener> listeners = new ArrayList<>();
    private final Map<String, Feature> features = new LinkedHashMap<>();
    private final Set<String> installed = new LinkedHashSet<>();
    private final Map<String, Exception> installFailures = new HashMap<>();
    private Consumer<Feature> onInstalled = feature -> { };
    private Consumer<Feature> onUninstalled = feature -> { };

    static String id(Feature feature) {
        return feature.getName() + "/" + feature.getVersion();
    }

    void add(Feature feature) {
        features.put(id(feature), feature);
    }

    /** Installing the feature throws this, as a resolution failure does; {@code null} lets it install again. */
    void failInstalling(String featureId, Exception failure) {
        if (failure == null) {
            installFailures.remove(featureId);
        } else {
            installFailures.put(featureId, failure);
        }
    }

    /** What happens in the container once a feature is installed (its bundles start) or uninstalled. */
    void onChange(Consumer<Feature> installedThen, Consumer<Feature> uninstalledThen) {
        this.onInstalled = installedThen;
        this.onUninstalled = uninstalledThen;
    }

    /** As if the feature were installed already, without a call. */
    void markInstalled(String featureId) {
        Feature feature = features.get(featureId);
        installed.add(featureId);
        onInstalled.accept(feature);
    }

    /** A KAR or repository arrived: tells the listeners, as Karaf does. */
    void repositoryAdded(boolean replay) {
        RepositoryEvent event = repositoryEvent(replay);
        List.copyOf(listeners).forEach(listener -> listener.repositoryEvent(event));
    }

    static RepositoryEvent repositoryEvent(boolean replay) {
        Repository repository = (Repository) Proxy.newProxyInstance(FakeFeaturesService.class.getClassLoader(),
                new Class<?>[]{Repository.class}, (proxy, method, args) -> null);
        return new RepositoryEvent(repository, RepositoryEvent.EventType.RepositoryAdded, replay);
    }

    private void install(String featureId) throws Exception {
        Exception failure = installFailures.get(featureId);
        if (failure != null) {
            throw failure;
        }
        Feature feature = features.get(featureId);
        if (feature == null) {
            throw new IllegalArgumentException("No matching features for " + featureId);
        }
        if (installed.add(featureId)) {
            onInstalled.accept(feature);
        }
    }

    private void uninstall(String featureId) {
        if (!installed.remove(featureId)) {
            throw new IllegalArgumentException("Feature named '" + featureId + "' is not installed");
        }
        onUninstalled.accept(features.get(featureId));
    }

    @Override
    public void installFeatures(Set<String> featureIds, EnumSet<Option> options) throws Exception {
        calls.add("installFeatures " + List.copyOf(featureIds) + " " + options);
        for (String featureId : featureIds) {
            install(featureId);
        }
    }

    @Override
    public void installFeature(String name, String version, EnumSet<Option> options) throws Exception {
        calls.add("installFeature " + name + "/" + version + " " + options);
        install(name + "/" + version);
    }

    @Override
    public void uninstallFeatures(Set<String> featureIds, EnumSet<Option> options) {
        calls.add("uninstallFeatures " + List.copyOf(featureIds) + " " + options);
        featureIds.forEach(this::uninstall);
    }

    @Override
    public void uninstallFeature(String name, String version, EnumSet<Option> options) {
        calls.add("uninstallFeature " + name + "/" + version + " " + options);
        uninstall(name + "/" + version);
    }

    @Override
    public Feature[] listFeatures() {
        return features.values().toArray(Feature[]::new);
    }

    @Override
    public boolean isInstalled(Feature feature) {
        return feature != null && installed.contains(id(feature));
    }

    @Override
    public Feature getFeature(String name, String version) {
        return features.get(name + "/" + version);
    }

    @Override
    public Feature[] getFeatures(String name, String version) {
        return features.values().stream()
                .filter(feature -> feature.getName().equals(name)
                        && (version == null || version.isEmpty() || feature.getVersion().equals(version)))
                .toArray(Feature[]::new);
    }

    @Override
    public void registerListener(FeaturesListener listener) {
        listeners.add(listener);
    }

    @Override
    public void unregisterListener(FeaturesListener listener) {
        listeners.remove(listener);
    }

    // ---- not used by the lifecycle ------------------------------------------------------------------------

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the module lifecycle");
    }

    @Override
    public void validateRepository(URI uri) {
        throw unused();
    }

    @Override
    public boolean isRepositoryUriBlacklisted(URI uri) {
        throw unused();
    }

    @Override
    public Feature[] repositoryProvidedFeatures(URI uri) {
        throw unused();
    }

    @Override
    public void addRepository(URI uri) {
        throw unused();
    }

    @Override
    public void addRepository(URI uri, boolean install) {
        throw unused();
    }

    @Override
    public void removeRepository(URI uri) {
        throw unused();
    }

    @Override
    public void removeRepository(URI uri, boolean uninstall) {
        throw unused();
    }

    @Override
    public void restoreRepository(URI uri) {
        throw unused();
    }

    @Override
    public Repository[] listRequiredRepositories() {
        throw unused();
    }

    @Override
    public Repository[] listRepositories() {
        throw unused();
    }

    @Override
    public Repository getRepository(String repoName) {
        throw unused();
    }

    @Override
    public Repository getRepository(URI uri) {
        throw unused();
    }

    @Override
    public String getRepositoryName(URI uri) {
        throw unused();
    }

    @Override
    public void setResolutionOutputFile(String outputFile) {
        throw unused();
    }

    @Override
    public void installFeature(String name) {
        throw unused();
    }

    @Override
    public void installFeature(String name, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void installFeature(String name, String version) {
        throw unused();
    }

    @Override
    public void installFeature(Feature f, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void installFeatures(Set<String> features, String region, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void addRequirements(Map<String, Set<String>> requirements, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void uninstallFeature(String name, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void uninstallFeature(String name) {
        throw unused();
    }

    @Override
    public void uninstallFeature(String name, String version) {
        throw unused();
    }

    @Override
    public void uninstallFeatures(Set<String> features, String region, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void removeRequirements(Map<String, Set<String>> requirements, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void updateFeaturesState(Map<String, Map<String, FeatureState>> stateChanges, EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public void updateReposAndRequirements(Set<URI> repos, Map<String, Set<String>> requirements,
                                           EnumSet<Option> options) {
        throw unused();
    }

    @Override
    public Repository createRepository(URI uri) {
        throw unused();
    }

    @Override
    public Feature[] listRequiredFeatures() {
        throw unused();
    }

    @Override
    public Feature[] listInstalledFeatures() {
        throw unused();
    }

    @Override
    public Map<String, Set<String>> listRequirements() {
        throw unused();
    }

    @Override
    public boolean isRequired(Feature f) {
        throw unused();
    }

    @Override
    public Feature getFeature(String name) {
        throw unused();
    }

    @Override
    public Feature[] getFeatures(String name) {
        throw unused();
    }

    @Override
    public void refreshRepositories(Set<URI> uris) {
        throw unused();
    }

    @Override
    public void refreshRepository(URI uri) {
        throw unused();
    }

    @Override
    public URI getRepositoryUriFor(String name, String version) {
        throw unused();
    }

    @Override
    public String[] getRepositoryNames() {
        throw unused();
    }

    @Override
    public void registerListener(DeploymentListener listener) {
        throw unused();
    }

    @Override
    public void unregisterListener(DeploymentListener listener) {
        throw unused();
    }

    @Override
    public FeatureState getState(String featureId) {
        throw unused();
    }

    @Override
    public String getFeatureXml(Feature feature) {
        throw unused();
    }

    @Override
    public void refreshFeatures(EnumSet<Option> options) {
        throw unused();
    }
}
