package io.creditflow.tenancy.security;

import io.creditflow.platform.Actor;
import io.creditflow.tenancy.Role;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds a login by name (through the security-definer lookup: before sign-in no tenant is known) and counts failed
 * attempts: after {@link #MAX_FAILURES} in a row the login is locked for {@link #LOCK_DURATION}.
 */
@Component
class LoginUserDetailsService implements UserDetailsService {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final Clock clock;

    LoginUserDetailsService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Record r = dsl.resultQuery("select * from auth_find_login({0})", username).fetchOptional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
        if (!"ACTIVE".equals(r.get("tenant_status", String.class))) {
            throw new UsernameNotFoundException("tenant not active");
        }
        boolean operator = "OPERATOR".equals(r.get("kind", String.class));
        OffsetDateTime locked = r.get("locked_until", OffsetDateTime.class);
        return new ConsoleUserDetails(operator ? Actor.Type.OPERATOR : Actor.Type.USER,
                r.get("tenant_id", UUID.class), r.get("user_id", UUID.class), r.get("username", String.class),
                r.get("display_name", String.class), r.get("password_hash", String.class),
                Arrays.stream(r.get("roles", String[].class)).map(Role::valueOf).collect(Collectors.toSet()),
                locked == null ? null : locked.toInstant());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            dsl.resultQuery("select auth_login_failed({0}, {1}, {2})", username, MAX_FAILURES,
                    OffsetDateTime.now(clock).plus(LOCK_DURATION)).fetch();
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ConsoleUserDetails user) {
            dsl.resultQuery("select auth_login_succeeded({0})", user.getUsername()).fetch();
        }
    }
}
