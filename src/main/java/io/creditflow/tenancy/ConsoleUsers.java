package io.creditflow.tenancy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.APP_USER;
import static io.creditflow.jooq.Tables.PLATFORM_OPERATOR;

/** People who sign in to the console: a tenant's users with their roles, and the platform operators. */
@Component
public class ConsoleUsers {

    public static final int MIN_PASSWORD_LENGTH = 12;

    private final DSLContext dsl;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TenantScope tenantScope;

    ConsoleUsers(DSLContext dsl, PasswordEncoder passwords, AuditLog audit, TenantScope tenantScope) {
        this.dsl = dsl;
        this.passwords = passwords;
        this.audit = audit;
        this.tenantScope = tenantScope;
    }

    public record User(UUID id, String username, String displayName, Set<Role> roles, boolean active,
                       OffsetDateTime lastLoginAt) {
    }

    /** Creates a user in the given tenant (joining a running transaction, e.g. the tenant's creation). */
    @Transactional
    public UUID create(UUID tenantId, String username, String displayName, String password, Set<Role> roles) {
        checkPassword(password);
        if (roles.isEmpty() || roles.stream().anyMatch(r -> !r.isTenantRole())) {
            throw new BusinessRuleException("invalid-roles", "A tenant user needs at least one tenant role.",
                    List.of(new BusinessRuleException.FieldError("roles", "tenant roles only")));
        }
        UUID id = UUID.randomUUID();
        try (var ignored = tenantScope.enter(tenantId)) {
            if (dsl.resultQuery("select 1 from auth_find_login({0})", username).fetchOptional().isPresent()) {
                throw new BusinessRuleException("duplicate-username", "The login name is already in use.",
                        List.of(new BusinessRuleException.FieldError("username", "already in use")));
            }
            dsl.insertInto(APP_USER).set(APP_USER.TENANT_ID, tenantId).set(APP_USER.ID, id)
                    .set(APP_USER.USERNAME, username).set(APP_USER.DISPLAY_NAME, displayName)
                    .set(APP_USER.PASSWORD_HASH, passwords.encode(password))
                    .set(APP_USER.ROLES, roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                    .execute();
            audit.record(AuditEvent.of("user.created", "user", id).detail("roles", roles.toString()));
        }
        return id;
    }

    @Transactional
    public UUID createOperator(String username, String displayName, String password) {
        checkPassword(password);
        UUID id = UUID.randomUUID();
        dsl.insertInto(PLATFORM_OPERATOR).set(PLATFORM_OPERATOR.ID, id).set(PLATFORM_OPERATOR.USERNAME, username)
                .set(PLATFORM_OPERATOR.DISPLAY_NAME, displayName)
                .set(PLATFORM_OPERATOR.PASSWORD_HASH, passwords.encode(password)).execute();
        return id;
    }

    public boolean operatorExists(String username) {
        return dsl.fetchExists(PLATFORM_OPERATOR, PLATFORM_OPERATOR.USERNAME.equalIgnoreCase(username));
    }

    /** The users of the current tenant. */
    @Transactional(readOnly = true)
    public List<User> list() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch().map(r -> new User(r.getId(),
                r.getUsername(), r.getDisplayName(), roles(r.getRoles()), r.getActive(), r.getLastLoginAt()));
    }

    @Transactional
    public void changeRoles(UUID userId, Set<Role> roles) {
        if (roles.isEmpty() || roles.stream().anyMatch(r -> !r.isTenantRole())) {
            throw new BusinessRuleException("invalid-roles", "A tenant user needs at least one tenant role.");
        }
        int n = dsl.update(APP_USER).set(APP_USER.ROLES, roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .where(APP_USER.ID.eq(userId)).execute();
        if (n == 0) {
            throw new NotFoundException("User", userId);
        }
        audit.record(AuditEvent.of("user.roles-changed", "user", userId).detail("roles", roles.toString()));
    }

    @Transactional
    public void deactivate(UUID userId) {
        if (dsl.update(APP_USER).set(APP_USER.ACTIVE, false).where(APP_USER.ID.eq(userId)).execute() == 0) {
            throw new NotFoundException("User", userId);
        }
        audit.record(AuditEvent.of("user.deactivated", "user", userId));
    }

    static Set<Role> roles(String[] names) {
        return java.util.Arrays.stream(names).map(Role::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new BusinessRuleException("weak-password", "A password needs at least " + MIN_PASSWORD_LENGTH
                    + " characters.", List.of(new BusinessRuleException.FieldError("password", "too short")));
        }
    }
}
