package id.gapura.permits.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.api.RolesAllowed;
import id.gapura.permits.internal.Applications;
import id.gapura.permits.internal.PermitSettings;
import id.gapura.permits.internal.PermitType;
import id.gapura.permits.internal.PermitTypes;
import id.gapura.permits.rules.FeeRule;
import id.gapura.permits.rules.PermitNumberFormat;
import id.gapura.permits.workflow.Roles;
import id.gapura.permits.workflow.Stage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The region's permit types: public information (what to hand in, how long it takes, what it costs, with a
 * fee simulation), and their definition by the administrator.
 */
@Component(service = TypesResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.permits)")
@Public
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("types")
@Produces(MediaType.APPLICATION_JSON)
public class TypesResource {

    @Reference
    private PermitTypes types;
    @Reference
    private Applications applications;
    @Reference
    private PermitSettings settings;

    public record TypeView(String code, String name, String description, List<PermitType.Document> requiredDocuments,
                           List<String> stages, List<String> pipeline, int slaDays, FeeRule feeRule,
                           String feeDescription, Map<String, String> feeParameters, Integer validityMonths,
                           boolean renewable, int renewalDaysBefore, String numberFormat, String numberExample,
                           boolean active) {
    }

    public record Simulation(Map<String, Object> parameters) {
    }

    public record SimulationResult(String type, BigDecimal amount, String currency, String formula) {
    }

    @GET
    public List<TypeView> list() {
        return types.all(true).stream().map(this::view).toList();
    }

    @GET
    @Path("/{code}")
    public TypeView get(@PathParam("code") String code) {
        return view(types.require(code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    public Response put(@PathParam("code") String code, PermitTypes.Definition definition) {
        boolean created = types.save(code, definition);
        TypeView saved = view(types.require(code));
        return created
                ? Response.created(UriBuilder.fromResource(TypesResource.class).path(code).build()).entity(saved).build()
                : Response.ok(saved).build();
    }

    @POST
    @Path("/{code}/fee-simulation")
    @Consumes(MediaType.APPLICATION_JSON)
    public SimulationResult simulate(@PathParam("code") String code, Simulation simulation) {
        if (simulation == null) {
            throw ProblemException.badRequest("Send the fee parameters as JSON: {\"parameters\":{\"luas\":120,...}}.");
        }
        FeeRule.Calculation fee = types.simulate(code, simulation.parameters());
        return new SimulationResult(code, fee.amount(), "IDR", fee.formula());
    }

    private TypeView view(PermitType type) {
        String example = PermitNumberFormat.of(type.numberFormat()).format(1, type.code(), settings.office(),
                applications.workingDays().localDate(java.time.Instant.now()));
        return new TypeView(type.code(), type.name(), type.description(), type.requiredDocuments(),
                type.stages().stream().map(Stage::code).toList(),
                type.workflow().pipeline().stream().map(Stage::code).toList(), type.slaDays(), type.feeRule(),
                type.feeRule().describe(), type.feeRule().parameters(), type.validityMonths(), type.renewable(),
                type.renewalDaysBefore(), type.numberFormat(), example, type.active());
    }
}
