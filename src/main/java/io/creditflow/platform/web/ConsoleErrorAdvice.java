package io.creditflow.platform.web;

import io.creditflow.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * A console page about an object that does not exist for this tenant (or is another tenant's) shows the 404 page, as
 * the API answers 404: never a 500, never a hint whether the id exists elsewhere. API requests keep their problem
 * details (this advice also sees REST controllers, so it answers them the same way the API's advice does).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ConsoleErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
        }
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
