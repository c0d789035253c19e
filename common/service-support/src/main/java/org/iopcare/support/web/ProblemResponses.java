package org.iopcare.support.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.iopcare.support.audit.AuditUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every error as an RFC 9457 problem response. Messages never echo request values: a rejected
 * value may be a client's name, phone number or diagnosis.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI VALIDATION = URI.create("https://iopcare.org/problems/validation");
    static final URI MALFORMED = URI.create("https://iopcare.org/problems/malformed-request");
    static final URI CONFLICT = URI.create("https://iopcare.org/problems/concurrent-write");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(e -> e.getField()))
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        List<Map<String, String>> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = validationProblem(concat(errors, global));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                result.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : result.getMethodParameter().getParameterName(),
                                "message",
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, PayloadTooLarge.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemBodies.payloadTooLarge());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, malformedDetail(ex));
        problem.setType(MALFORMED);
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = ex.getRequiredType() != null && DateBounds.applies(ex.getRequiredType())
                ? "has the wrong format or " + BoundedInputModule.DATE_OUT_OF_RANGE
                : "has the wrong format";
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(Map.of("field", ex.getName(), "message", message))));
    }

    /** A query parameter, path variable or header with a control character. */
    @ExceptionHandler(RejectedRequestValue.class)
    ResponseEntity<ProblemDetail> rejectedValue(RejectedRequestValue ex) {
        return ResponseEntity.badRequest()
                .body(validationProblem(
                        List.of(Map.of("field", ex.name(), "message", BoundedInputModule.CONTROL_CHARACTER))));
    }

    /** No access without its audit record: the request was refused before it ran. */
    @ExceptionHandler(AuditUnavailable.class)
    ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailable ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemBodies.auditUnavailable());
    }

    /**
     * The security firewall checks header values lazily, when something reads them; a refused value
     * is bad input, not a fault.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedRequest(RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(ProblemBodies.forStatus(HttpStatus.BAD_REQUEST.value()));
    }

    /**
     * Spring's own refusals (unknown path, method, media type …) carry details that repeat the path
     * or a header the client sent; they are replaced by a fixed text for the status. A missing
     * parameter's detail names the parameter the endpoint declares and is kept.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && !(ex instanceof ProblemException)
                && !(ex instanceof MissingServletRequestParameterException)
                && !(ex instanceof MissingRequestHeaderException)
                && !(ex instanceof MissingPathVariableException)) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            problem.setDetail(ProblemBodies.genericDetail(status == null ? HttpStatus.BAD_REQUEST : status));
        }
        return response;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .sorted(Comparator.comparing(m -> m.get("field")))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /**
     * Two writers changed the same record at once (a version check failed, or a unique index refused
     * the second): the loser is told to reload and retry, and its transaction has changed nothing.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException ex) {
        // The driver's message names constraint columns and values; only the type is logged.
        log.info("Write refused as a conflict: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The record was changed by another request at the same time; reload it and try again");
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Method security refusals reach MVC before the security filter sees them. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemBodies.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemBodies.unauthorized());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (causedBy(ex, PayloadTooLarge.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemBodies.payloadTooLarge());
        }
        // The type and stack frames locate the fault; the message may carry data and stays out.
        log.error("Unhandled {} at {}", ex.getClass().getName(), topFrame(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed. It has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.isEmpty()
                        ? "The request is not valid"
                        : "Invalid fields: "
                                + String.join(
                                        ", ",
                                        errors.stream()
                                                .map(e -> e.get("field"))
                                                .distinct()
                                                .toList()));
        problem.setType(VALIDATION);
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String malformedDetail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String reason =
                    cause instanceof RejectedValue rejected ? rejected.reason() : "has the wrong type or format";
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return "Field '" + field + "' " + reason;
        }
        return "The request body is missing or is not valid JSON";
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String topFrame(Throwable ex) {
        StackTraceElement[] frames = ex.getStackTrace();
        return frames.length == 0 ? "unknown" : frames[0].toString();
    }
}
