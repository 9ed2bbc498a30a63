package io.creditflow.tenancy.web;

import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The platform operator manages tenants here: it never sees their debtors (permissions and row-level security). */
@RestController
@RequestMapping("/api/v1/operator/tenants")
@PreAuthorize("hasAuthority('platform:operate')")
class OperatorTenantsController {

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final jakarta.validation.Validator validator;

    OperatorTenantsController(Tenants tenants, ConsoleUsers users, jakarta.validation.Validator validator) {
        this.tenants = tenants;
        this.users = users;
        this.validator = validator;
    }

    record CreateTenant(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String slug,
                        @NotBlank @Size(max = 200) String name,
                        @Pattern(regexp = "[A-Z]{2}") String country,
                        @Pattern(regexp = "nl|en|de|fr") String defaultLanguage,
                        @NotBlank @Email String ownerEmail, @NotBlank String ownerName,
                        @NotBlank @Size(min = ConsoleUsers.MIN_PASSWORD_LENGTH) String ownerPassword) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Tenant create(@RequestBody CreateTenant request) {
        Checks.valid(validator, request);
        Tenant tenant = tenants.create(request.slug(), request.name(),
                request.country() == null ? "NL" : request.country(),
                request.defaultLanguage() == null ? "nl" : request.defaultLanguage());
        users.create(tenant.id(), request.ownerEmail(), request.ownerName(), request.ownerPassword(), Set.of(Role.OWNER));
        return tenant;
    }

    @GetMapping
    List<Tenant> list() {
        return tenants.list();
    }

    @GetMapping("/{id}")
    Tenant get(@PathVariable UUID id) {
        return tenants.find(id);
    }
}
