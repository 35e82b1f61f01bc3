package id.gapura.budgeting.rest;

import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.budgeting.internal.FiscalDataPackage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import java.util.Map;

/**
 * The DPA in force and its realisation as open data, for anyone: a Fiscal Data Package ({@code datapackage.json},
 * {@code budget.csv}, {@code realisation.csv}), each file on its own or all in a zip. The region's name comes from {@code etc/id.gapura.budgeting.cfg}.
 */
@Component(service = OpenDataResource.class, configurationPid = "id.gapura.budgeting")
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.budgeting)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("open-data")
@Public
public class OpenDataResource {

    @Reference
    private FiscalDataPackage fdp;

    private volatile String region = "Pemerintah Daerah";

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Object value = properties.get("region");
        region = value == null || value.toString().isBlank() ? "Pemerintah Daerah" : value.toString().strip();
    }

    @GET
    @Path("/{year}/datapackage.json")
    @Produces("application/json")
    public Response descriptor(@PathParam("year") int year) {
        return Response.ok(fdp.export(year, region).descriptor(), "application/json; charset=UTF-8").build();
    }

    @GET
    @Path("/{year}/budget.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("year") int year) {
        return Response.ok(fdp.export(year, region).csv(), "text/csv; charset=UTF-8").build();
    }

    @GET
    @Path("/{year}/realisation.csv")
    @Produces("text/csv")
    public Response realisation(@PathParam("year") int year) {
        return Response.ok(fdp.export(year, region).realisationCsv(), "text/csv; charset=UTF-8").build();
    }

    @GET
    @Path("/{year}/fiscal-data-package.zip")
    @Produces("application/zip")
    public Response zip(@PathParam("year") int year) {
        FiscalDataPackage.Export export = fdp.export(year, region);
        return Response.ok(export.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + export.name() + ".zip\"").build();
    }
}
