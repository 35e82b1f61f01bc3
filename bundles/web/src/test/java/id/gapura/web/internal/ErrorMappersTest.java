package id.gapura.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.gapura.api.FieldError;
import id.gapura.api.ProblemException;
import org.junit.jupiter.api.Test;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMappersTest {

    record Submission(String serviceCode, Integer count) {
    }

    private final ObjectMapper mapper = JsonProvider.objectMapper();

    @Test
    void moduleProblemsKeepStatusTitleDetailAndFieldErrors() {
        Response response = new ProblemExceptionMapper().toResponse(ProblemException.invalid(
                List.of(new FieldError("nik", "must be 16 digits"))));
        assertEquals(422, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(List.of(new FieldError("nik", "must be 16 digits")), problem.errors());
        assertEquals("1 field is invalid", problem.detail());
    }

    @Test
    void unknownRoutesAndMethodsBecomeProblems() {
        Response notFound = new WebApplicationExceptionMapper().toResponse(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals("application/problem+json", notFound.getMediaType().toString());
        Response notAllowed = new WebApplicationExceptionMapper().toResponse(
                new NotAllowedException("GET", new String[]{"HEAD"}));
        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"), notAllowed.getHeaderString("Allow"));
    }

    @Test
    void jsonErrorsSayWhereWithoutParserInternals() {
        assertEquals("Unknown field 'serviceCod'.", describe("{\"serviceCod\":\"x\"}"));
        assertEquals("Field 'count' has a value of the wrong type or format.", describe("{\"count\":\"many\"}"));
        assertEquals("The request body is not valid JSON (line 1, column 16).", describe("{\"serviceCode\":"));
    }

    @Test
    void unexpectedFailuresHideTheExceptionText() {
        Response response = new UnexpectedExceptionMapper().toResponse(
                new IllegalStateException("SELECT * FROM complaints_report WHERE reporter_email='budi@example.id'"));
        assertEquals(500, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertFalse(problem.detail().contains("budi"), problem.detail());
        assertTrue(problem.detail().startsWith("The server could not complete the request. Report reference "));
    }

    private String describe(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue(json, Submission.class));
        return JsonInputExceptionMapper.describe(failure);
    }
}
