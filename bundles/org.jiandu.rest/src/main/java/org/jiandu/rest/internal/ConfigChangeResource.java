package org.jiandu.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.Roles;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;

/**
 * {@code GET /api/v1/config-changes?pid=&source=&limit=}: the recorded changes of Jiandu configurations
 * ({@link ConfigChangeLog}), newest first, for administrators and inspectors, scoped as the request audit is: an
 * inspector sees the changes made by users of the organisations their own covers; only admin sees every change,
 * including those no user's organisation is known for (a file in {@code etc/}, code, what was found at start).
 */
@Path("/v1/config-changes")
public final class ConfigChangeResource {
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9._~-]{1,255}\\*?");

    private final ConfigChangeLog log;

    ConfigChangeResource(ConfigChangeLog log) {
        this.log = log;
    }

    /** One changed key: its value before and after ({@code null}: not set); a value is a string or a list of them. */
    public record KeyChangeDto(String key, Object oldValue, Object newValue) {
    }

    /**
     * One change: when, which PID, what kind ({@code CREATED}, {@code UPDATED}, {@code DELETED}), how it was made
     * ({@code FILE}, {@code SHELL}, {@code JMX}, {@code WEB_CONSOLE}, {@code CONFIG_ADMIN}, {@code STARTUP}), the JAAS
     * user and organisation when known, {@code actor} saying who as far as can be known, the file in {@code etc/} it
     * came from, and every changed key.
     */
    public record ConfigChangeDto(Long id, Instant at, String pid, String factoryPid, String kind, String source,
            String user, String organisation, String actor, String file, List<KeyChangeDto> changes) {
        static ConfigChangeDto of(ConfigChangeLog.Recorded r) {
            ConfigChangeEntry e = r.entry();
            return new ConfigChangeDto(e.getId(), e.getAt(), e.getPid(), e.getFactoryPid(), e.getKind(),
                    e.getSource(), e.getUser(), e.getOrganisation(), e.getActor(), e.getFile(),
                    r.changes().stream().map(c -> new KeyChangeDto(c.key(), c.oldValue(), c.newValue())).toList());
        }
    }

    /** The changes found, newest first. */
    public record ConfigChangePageDto(int count, List<ConfigChangeDto> changes) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRoles({Roles.ADMIN, Roles.INSPECTOR})
    public ConfigChangePageDto search(@QueryParam("pid") String pid, @QueryParam("source") String source,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        if (pid != null && !PID.matcher(pid).matches()) {
            throw ApiException.badRequest("INVALID_PID", "pid", "pid must be a configuration PID such as"
                    + " org.jiandu.monitor, or a prefix ending with * such as org.jiandu.monitor.rule.*");
        }
        if (source != null) {
            try {
                ConfigChangeLog.Source.valueOf(source);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_SOURCE", "source", "source must be one of "
                        + java.util.Arrays.toString(ConfigChangeLog.Source.values()));
            }
        }
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 1000) {
                throw ApiException.badRequest("INVALID_LIMIT", "limit", "limit must be a whole number from 1 to 1000");
            }
        }
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ConfigChangeDto> rows = log.search(pid, source, max, CourtScope.forCaller(caller), caller.isAdmin())
                .stream().map(ConfigChangeDto::of).toList();
        return new ConfigChangePageDto(rows.size(), rows);
    }
}
