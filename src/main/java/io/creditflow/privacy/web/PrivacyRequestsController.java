package io.creditflow.privacy.web;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.DataSubjectRequests.Request;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.rights.Contributors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The request register over the API: register a data-subject request (the deadlines are computed), follow it, extend
 * it once with reasons, complete or refuse it. An objection (art. 21) may restrict processing while it is assessed
 * (art. 18(1)(d)).
 */
@RestController
@RequestMapping("/api/v1/privacy/requests")
@PreAuthorize("hasAuthority('privacy:manage')")
class PrivacyRequestsController {

    private final DataSubjectRequests requests;
    private final Contributors contributors;
    private final Restrictions restrictions;

    PrivacyRequestsController(DataSubjectRequests requests, Contributors contributors, Restrictions restrictions) {
        this.requests = requests;
        this.contributors = contributors;
        this.restrictions = restrictions;
    }

    record NewRequest(DataSubjectRequests.@Nullable Type type, @Nullable UUID debtorId, @Nullable LocalDate receivedOn,
                      @Nullable String channel, @Nullable String note, @Nullable Boolean restrictWhilePending) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Request register(@RequestBody NewRequest body) {
        if (body.type() == null) {
            throw new ValidationException("The request type is required.", List.of(new FieldError("type",
                    "one of ACCESS, RECTIFICATION, RESTRICTION, OBJECTION, ERASURE")));
        }
        if (body.debtorId() != null && !contributors.exists(body.debtorId())) {
            throw new ValidationException("Unknown debtor.", List.of(new FieldError("debtorId", "no such debtor")));
        }
        Request r = requests.register(body.type(), body.debtorId(), body.receivedOn(),
                body.channel() == null ? "EMAIL" : body.channel(), body.note());
        if (Boolean.TRUE.equals(body.restrictWhilePending()) && body.debtorId() != null) {
            restrictions.restrict(body.debtorId(), "pending " + body.type().name().toLowerCase() + " request "
                    + r.id() + " (art. 18(1))");
        }
        return r;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    CursorPage<Request> list(@RequestParam(defaultValue = "OPEN") DataSubjectRequests.View view,
                             @RequestParam(required = false) @Nullable UUID debtorId,
                             @RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(required = false) @Nullable Integer limit) {
        return requests.list(view, debtorId, cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{id}")
    Request get(@PathVariable UUID id) {
        return requests.withNote(id);
    }

    @PostMapping("/{id}/start")
    Request start(@PathVariable UUID id) {
        return requests.start(id);
    }

    record Reason(@Nullable String reason) {
    }

    @PostMapping("/{id}/extension")
    Request extend(@PathVariable UUID id, @RequestBody Reason body) {
        return requests.extend(id, body.reason() == null ? "" : body.reason());
    }

    record Completion(@Nullable String outcome, @Nullable String resultRef) {
    }

    @PostMapping("/{id}/completion")
    Request complete(@PathVariable UUID id, @RequestBody Completion body) {
        if (body.outcome() == null || body.outcome().isBlank() || body.outcome().length() > 200) {
            throw new ValidationException("An outcome is required.", List.of(new FieldError("outcome",
                    "1 to 200 characters")));
        }
        return requests.complete(id, body.outcome().trim(), body.resultRef());
    }

    @PostMapping("/{id}/rejection")
    Request reject(@PathVariable UUID id, @RequestBody Reason body) {
        return requests.reject(id, body.reason() == null ? "" : body.reason());
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("Privacy request", id);
    }
}
