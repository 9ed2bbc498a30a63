package io.creditflow.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start when the application's database role would bypass row-level security (a superuser, a role with
 * BYPASSRLS, or the owner of the tables): tenant isolation must not depend on every query remembering its filter.
 * {@code creditflow.database.allow-rls-bypass=true} turns the refusal into a warning, for emergencies only.
 */
class RowLevelSecurityGuard implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RowLevelSecurityGuard.class);

    private final JdbcClient jdbc;
    private final boolean allowBypass;

    RowLevelSecurityGuard(JdbcClient jdbc, boolean allowBypass) {
        this.jdbc = jdbc;
        this.allowBypass = allowBypass;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String problem = jdbc.sql("""
                select case
                         when r.rolsuper then 'is a superuser'
                         when r.rolbypassrls then 'has BYPASSRLS'
                         when exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                       where n.nspname = 'public' and c.relrowsecurity
                                         and pg_get_userbyid(c.relowner) = current_user) then 'owns the tenant tables'
                       end
                  from pg_roles r where r.rolname = current_user""").query(String.class).optional().orElse(null);
        if (problem == null) {
            return;
        }
        String message = "The database role the application connects as " + problem
                + ", so row-level security would not isolate tenants. Connect as a separate application role "
                + "(see README, Production) and run migrations as the owner (spring.flyway.user).";
        if (allowBypass) {
            log.error("{} Continuing because creditflow.database.allow-rls-bypass=true.", message);
        } else {
            throw new IllegalStateException(message);
        }
    }
}
