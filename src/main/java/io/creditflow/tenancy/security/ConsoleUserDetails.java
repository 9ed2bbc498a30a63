package io.creditflow.tenancy.security;

import io.creditflow.platform.Actor;
import io.creditflow.tenancy.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A signed-in console user or operator. Authorities: its roles' permissions plus {@code ROLE_<role>}. */
public final class ConsoleUserDetails implements UserDetails, CredentialsContainer, Actor.Principal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor.Type type;
    private final @Nullable UUID tenantId;
    private final UUID userId;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;
    private final Set<Role> roles;
    private final @Nullable Instant lockedUntil;

    ConsoleUserDetails(Actor.Type type, @Nullable UUID tenantId, UUID userId, String username, String displayName,
                       String passwordHash, Set<Role> roles, @Nullable Instant lockedUntil) {
        this.type = type;
        this.tenantId = tenantId;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = Set.copyOf(roles);
        this.lockedUntil = lockedUntil;
    }

    @Override
    public Actor actor() {
        return new Actor(type, userId.toString(), username, tenantId);
    }

    public @Nullable UUID tenantId() {
        return tenantId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
