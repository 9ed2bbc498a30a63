package io.creditflow.tenancy.web;

import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import io.creditflow.tenancy.ApiKeys;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Console pages of tenancy: sign-in, users and API keys of the tenant, and the operator's tenant list. */
@Controller
class TenancyConsole {

    private final ConsoleUsers users;
    private final ApiKeys apiKeys;
    private final Tenants tenants;

    TenancyConsole(ConsoleUsers users, ApiKeys apiKeys, Tenants tenants) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.tenants = tenants;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console/settings/users")
    @PreAuthorize("hasAuthority('users:manage')")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(Role::isTenantRole).toList());
        return "tenancy/users";
    }

    @PostMapping("/console/settings/users")
    @PreAuthorize("hasAuthority('users:manage')")
    String createUser(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
                      @RequestParam List<Role> roles, Model model) {
        try {
            users.create(Actor.current().tenantId(), username, displayName, password, Set.copyOf(roles));
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
            return users(model);
        }
        return "redirect:/console/settings/users";
    }

    @GetMapping("/console/settings/api-keys")
    @PreAuthorize("hasAuthority('api-keys:manage')")
    String apiKeys(Model model) {
        model.addAttribute("keys", apiKeys.list());
        model.addAttribute("scopes", ApiKeys.allTenantScopes());
        return "tenancy/api-keys";
    }

    @PostMapping("/console/settings/api-keys")
    @PreAuthorize("hasAuthority('api-keys:manage')")
    String issueKey(@RequestParam String name, @RequestParam List<String> scopes,
                    @RequestParam(required = false) @org.jspecify.annotations.Nullable Integer rateLimitPerSecond,
                    Model model) {
        ApiKeys.IssuedKey issued = apiKeys.issue(name, new LinkedHashSet<>(scopes), Actor.current().name(),
                rateLimitPerSecond);
        model.addAttribute("issued", issued);
        return apiKeys(model);
    }

    @PostMapping("/console/settings/api-keys/{id}/revoke")
    @PreAuthorize("hasAuthority('api-keys:manage')")
    String revokeKey(@PathVariable UUID id) {
        apiKeys.revoke(id);
        return "redirect:/console/settings/api-keys";
    }

    @GetMapping("/operator")
    @PreAuthorize("hasAuthority('platform:operate')")
    String operator(Model model) {
        model.addAttribute("tenants", tenants.list());
        return "tenancy/operator";
    }

    @PostMapping("/operator/tenants")
    @PreAuthorize("hasAuthority('platform:operate')")
    String createTenant(@RequestParam String slug, @RequestParam String name, @RequestParam String ownerEmail,
                        @RequestParam String ownerName, @RequestParam String ownerPassword, Model model) {
        try {
            Tenant tenant = tenants.create(slug, name, "NL", "nl");
            users.create(tenant.id(), ownerEmail, ownerName, ownerPassword, Set.of(Role.OWNER));
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
            return operator(model);
        }
        return "redirect:/operator";
    }

    @PostMapping("/operator/tenants/{id}/status")
    @PreAuthorize("hasAuthority('platform:operate')")
    String changeStatus(@PathVariable UUID id, @RequestParam String status) {
        tenants.changeStatus(id, status);
        return "redirect:/operator";
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem usersMenu() {
            return new ConsoleMenuItem(900, "nav.users", "/console/settings/users", "users:manage");
        }

        @Bean
        ConsoleMenuItem apiKeysMenu() {
            return new ConsoleMenuItem(910, "nav.apiKeys", "/console/settings/api-keys", "api-keys:manage");
        }

        @Bean
        ConsoleMenuItem operatorMenu() {
            return new ConsoleMenuItem(10, "nav.tenants", "/operator", "platform:operate");
        }
    }
}
