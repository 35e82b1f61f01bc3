package id.gapura.complaints.rest;

import id.gapura.api.ProblemException;
import id.gapura.api.Public;
import id.gapura.api.RestApplications;
import id.gapura.complaints.internal.PhotoEntity;
import id.gapura.complaints.internal.PhotoService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

/** {@code GET /api/complaints/photos/{id}}: a report's or follow-up's photo, public evidence like the report itself. */
@Component(service = PhotosResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=gapura.complaints)")
@JaxrsExtensionSelect(RestApplications.REQUIRES_JSON)
@Path("photos")
public class PhotosResource {

    @Reference
    private PhotoService photos;

    @GET
    @Public
    @Path("/{id}")
    public Response photo(@PathParam("id") String id) {
        PhotoEntity photo = parse(id).flatMap(photos::photo).orElseThrow(() -> ProblemException.notFound(
                "There is no photo " + id + "."));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(photo.content(), photo.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"photo-" + photo.id() + extension(photo) + "\"")
                .tag(new EntityTag(photo.sha256()))
                .cacheControl(cache)
                .build();
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String extension(PhotoEntity photo) {
        return switch (photo.contentType()) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
