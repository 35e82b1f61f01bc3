package id.gapura.core.internal;

import id.gapura.api.AuditLog;
import id.gapura.api.AuditOutcome;
import id.gapura.core.AgreementService;
import id.gapura.core.ModuleManager;
import id.gapura.core.ModuleManager.Outcome;
import id.gapura.core.ModuleManager.Uncovered;
import id.gapura.core.ModuleOperationException;
import id.gapura.core.agreement.Agreement;
import id.gapura.core.agreement.AgreementRefusedException;
import id.gapura.core.agreement.AgreementVerifier;
import id.gapura.core.agreement.AgreementVerifier.Accepted;
import id.gapura.core.agreement.AgreementVerifier.ImportRules;
import id.gapura.core.agreement.ApplyPlan;
import id.gapura.core.agreement.ApplyPlan.Configure;
import id.gapura.core.agreement.ApplyPlan.Install;
import id.gapura.core.agreement.ApplyPlan.Step;
import id.gapura.core.agreement.ApplyPlan.Uninstall;
import id.gapura.core.agreement.Coverage;
import id.gapura.core.agreement.StoredAgreement;
import id.gapura.core.agreement.TrustedKeys;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.karaf.config.core.ConfigRepository;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The agreements in the region's database, and applying them through the module manager, so that every
 * install and uninstall goes the usual way (desired state, no other bundle disturbed, audit).
 */
@Component(service = AgreementService.class)
public class AgreementRegistry implements AgreementService {

    /** A module's configuration PID: {@code id.gapura.<module id>}, as its bundle's symbolic name. */
    static final String MODULE_PID_PREFIX = "id.gapura.";
    private static final Logger LOG = LoggerFactory.getLogger(AgreementRegistry.class);
    private static final Set<String> MANAGED_KEYS = Set.of(Constants.SERVICE_PID, "felix.fileinstall.filename",
            ConfigurationAdmin.SERVICE_FACTORYPID, ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final JpaTemplate jpa;
    private final AgreementStore store;
    private final ModuleManager modules;
    private final AuditLog audit;
    private final PlatformSettings settings;
    private final ConfigurationAdmin configurations;
    private final ConfigRepository configFiles;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AgreementRegistry(@Reference(target = "(osgi.unit.name=gapura)") JpaTemplate jpa,
                             @Reference AgreementStore store,
                             @Reference ModuleManager modules,
                             @Reference AuditLog audit,
                             @Reference PlatformSettings settings,
                             @Reference ConfigurationAdmin configurations,
                             @Reference ConfigRepository configFiles) {
        this.jpa = jpa;
        this.store = store;
        this.modules = modules;
        this.audit = audit;
        this.settings = settings;
        this.configurations = configurations;
        this.configFiles = configFiles;
    }

    // ---- import -------------------------------------------------------------------------------------------

    /** A refusal found inside the transaction, which it rolls back. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public ImportResult importDocument(String document, String source, String actor) throws AgreementRefusedException {
        Accepted accepted;
        try {
            accepted = AgreementVerifier.verifyForImport(document, trustedKeys(), new ImportRules(
                    modules.availableVersions(), settings.regionCode(), today(), settings.zone().getId()));
        } catch (AgreementRefusedException e) {
            record(actor, "agreement.import", null, source, AuditOutcome.REFUSED, e.getMessage() + " Nothing was stored.");
            throw e;
        }
        Agreement agreement = accepted.agreement();
        String compact = accepted.signed().document();
        String sha256 = sha256(compact);
        Change change;
        try {
            change = jpa.txExpr(TransactionType.Required, em -> {
                AgreementRecord existing = em.find(AgreementRecord.class, agreement.number());
                if (existing == null) {
                    em.persist(new AgreementRecord(agreement, accepted.signed().key().id(), compact, sha256,
                            clock.instant(), actor));
                    return Change.ADDED;
                }
                if (existing.documentSha256().equals(sha256)) {
                    return Change.UNCHANGED;
                }
                if (!agreement.signedOn().isAfter(LocalDate.parse(existing.signedOn()))) {
                    throw new Refusal("Agreement " + agreement.number() + " is already imported, signed on "
                            + existing.signedOn() + "; a different document with the same number is accepted only "
                            + "when signed later (an amendment), and this one is signed on " + agreement.signedOn()
                            + ".");
                }
                existing.replace(agreement, accepted.signed().key().id(), compact, sha256, clock.instant(), actor);
                return Change.REPLACED;
            });
        } catch (Refusal e) {
            record(actor, "agreement.import", null, agreement.number(), AuditOutcome.REFUSED,
                    e.getMessage() + " Nothing was stored.");
            throw new AgreementRefusedException(e.getMessage());
        }
        StoredAgreement stored = agreement(agreement.number()).orElseThrow();
        String what = switch (change) {
            case ADDED -> "imported";
            case REPLACED -> "imported, replacing the document signed earlier";
            case UNCHANGED -> "already imported, unchanged";
        };
        record(actor, "agreement.import", null, agreement.number(), AuditOutcome.SUCCEEDED, what + ": "
                + agreement.provider() + " for " + agreement.region() + ", valid " + agreement.validFrom() + " to "
                + agreement.validUntil() + ", modules " + agreement.modules().stream()
                .map(module -> module.id() + " " + module.versions()).collect(Collectors.joining(", "))
                + "; signed with key " + accepted.signed().key().id() + " (" + accepted.signed().key().thumbprint()
                + "); from " + source);
        return new ImportResult(stored, change, accepted.warnings());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Override
    public List<StoredAgreement> agreements() {
        return store.agreements();
    }

    @Override
    public Optional<StoredAgreement> agreement(String number) {
        return store.agreement(number);
    }

    @Override
    public Coverage coverage() {
        return store.coverage();
    }

    @Override
    public TrustedKeys trustedKeys() {
        return store.trustedKeys();
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    @Override
    public LocalDate today() {
        return store.today();
    }

    @Override
    public Path resolve(String path) {
        return settings.resolve(path);
    }

    // ---- apply --------------------------------------------------------------------------------------------

    @Override
    public ApplyPlan plan(boolean prune) throws ModuleOperationException {
        Coverage coverage = coverage();
        Map<String, Set<String>> configured = new TreeMap<>();
        for (String id : coverage.coveredIds()) {
            configured.put(id, configuredKeys(id));
        }
        return ApplyPlan.compute(coverage, modules.installedVersions(), modules.availableVersions(), configured, prune);
    }

    @Override
    public synchronized ApplyReport apply(boolean prune, String actor) throws ModuleOperationException {
        ApplyPlan plan = plan(prune);
        String subject = activeNumbers();
        if (plan.isEmpty()) {
            record(actor, "agreement.apply", null, subject, AuditOutcome.SUCCEEDED,
                    "no change: the installed modules match the active agreements"
                            + (plan.notes().isEmpty() ? "" : "; " + String.join("; ", plan.notes())));
            return new ApplyReport(plan, List.of(), Optional.empty(), List.of());
        }
        ApplyPlan.Execution execution = plan.execute(step -> {
            try {
                return execute(step, actor);
            } catch (ModuleOperationException | IOException | RuntimeException e) {
                LOG.error("agreement:apply failed at: {}", step.describe(), e);
                throw e;
            }
        });
        List<String> done = execution.done();
        Optional<String> failure = execution.failure();
        List<Step> notDone = execution.notDone();
        AuditOutcome outcome = failure.isEmpty() ? AuditOutcome.SUCCEEDED
                : done.isEmpty() ? AuditOutcome.FAILED : AuditOutcome.PARTIAL;
        record(actor, "agreement.apply", null, subject, outcome, (prune ? "with --prune; " : "")
                + "done: " + (done.isEmpty() ? "nothing" : String.join("; ", done))
                + failure.map(reason -> "; failed: " + reason).orElse("")
                + (notDone.isEmpty() ? "" : "; not done: " + notDone.stream().map(Step::describe)
                .collect(Collectors.joining("; "))));
        return new ApplyReport(plan, done, failure, notDone);
    }

    private String activeNumbers() {
        String numbers = agreements().stream().filter(StoredAgreement::active).map(StoredAgreement::number)
                .collect(Collectors.joining(", "));
        return numbers.isEmpty() ? "(no active agreement)" : numbers;
    }

    private String execute(Step step, String actor) throws ModuleOperationException, IOException {
        if (step instanceof Configure configure) {
            configure(configure, actor);
            return "configured " + configure.moduleId() + " (" + String.join(", ", new TreeSet<>(configure.values()
                    .keySet())) + ")";
        }
        if (step instanceof Install install) {
            Outcome outcome = modules.install(List.of(install.moduleId()), Map.of(install.moduleId(), install.version()),
                    Uncovered.REFUSE, actor, "agreement:apply, agreement " + install.agreements()).get(0);
            return "installed " + outcome.id() + " " + outcome.version() + ", serving after "
                    + String.format(java.util.Locale.ROOT, "%.1f s", outcome.elapsed().toMillis() / 1000.0)
                    + "; other bundles restarted or refreshed: " + outcome.otherBundlesDisturbed();
        }
        Uninstall uninstall = (Uninstall) step;
        Outcome outcome = modules.uninstall(List.of(uninstall.moduleId()), actor,
                "agreement:apply --prune: " + uninstall.reason()).get(0);
        return "uninstalled " + outcome.id() + " " + outcome.version() + " (its data is kept)";
    }

    private Set<String> configuredKeys(String moduleId) throws ModuleOperationException {
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + MODULE_PID_PREFIX + moduleId + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return Set.of();
            }
            Set<String> keys = new TreeSet<>(Collections.list(found[0].getProperties().keys()));
            keys.removeAll(MANAGED_KEYS);
            return keys;
        } catch (IOException | InvalidSyntaxException e) {
            throw new ModuleOperationException("Could not read the configuration of " + moduleId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Sets the keys the module's configuration lacks, through Karaf's configuration repository, which writes
     * {@code etc/id.gapura.<module>.cfg} where the administrator sees and edits them.
     */
    private void configure(Configure step, String actor) throws IOException {
        String pid = MODULE_PID_PREFIX + step.moduleId();
        Configuration configuration = configurations.getConfiguration(pid, null);
        Map<String, Object> properties = new TreeMap<>();
        Dictionary<String, Object> current = configuration.getProperties();
        if (current != null) {
            for (String key : Collections.list(current.keys())) {
                if (!MANAGED_KEYS.contains(key)) {
                    properties.put(key, current.get(key));
                }
            }
        }
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, String> value : new TreeMap<>(step.values()).entrySet()) {
            if (!properties.containsKey(value.getKey())) {
                properties.put(value.getKey(), value.getValue());
                set.add(value.getKey() + "=" + value.getValue());
            }
        }
        if (!set.isEmpty()) {
            configFiles.update(pid, properties);
        }
        record(actor, "module.configure", step.moduleId(), pid, AuditOutcome.SUCCEEDED, "defaults from agreement "
                + step.agreements() + ": " + (set.isEmpty() ? "none missing" : String.join(", ", set)));
    }

    private void record(String actor, String action, String module, String subject, AuditOutcome outcome,
                        String detail) {
        try {
            audit.record(actor, action, module, subject, outcome, detail);
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit log: {} {} {} by {}: {}", action, subject, outcome, actor, detail, e);
        }
    }
}
