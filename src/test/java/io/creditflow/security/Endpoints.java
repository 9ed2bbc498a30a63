package io.creditflow.security;

import io.creditflow.platform.web.PublicPaths;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request mapping of the running application, read from Spring MVC itself, with the authorities its
 * {@code @PreAuthorize} demands: an endpoint added tomorrow is in the security tests tomorrow, without anyone adding
 * it to a list.
 */
final class Endpoints {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}");

    record Endpoint(String method, String pattern, Set<String> authorities, boolean multipart,
                    Map<String, Class<?>> variables, HandlerMethod handler) {

        boolean hasUuidVariable() {
            return variables.values().stream().anyMatch(UUID.class::equals);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> all(ApplicationContext context) {
        List<String> open = context.getBeansOfType(PublicPaths.class).values().stream()
                .flatMap(p -> p.patterns().stream()).toList();
        AntPathMatcher matcher = new AntPathMatcher();
        List<Endpoint> out = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(t -> t.getType().equals("multipart"));
                for (String pattern : info.getPatternValues()) {
                    if (open.stream().anyMatch(p -> matcher.match(p, pattern))) {
                        continue;
                    }
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        out.add(new Endpoint(m.name(), pattern, authorities(e.getValue()), multipart,
                                variables(pattern, e.getValue()), e.getValue()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return out;
    }

    static Set<String> authorities(HandlerMethod handler) {
        PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (pre == null) {
            pre = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        Set<String> out = new LinkedHashSet<>();
        if (pre != null) {
            Matcher m = QUOTED.matcher(pre.value());
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static Map<String, Class<?>> variables(String pattern, HandlerMethod handler) {
        Map<String, Class<?>> vars = new java.util.LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            vars.put(m.group(1), String.class);
        }
        for (var p : handler.getMethodParameters()) {
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            if (pv != null) {
                String name = !pv.value().isEmpty() ? pv.value() : !pv.name().isEmpty() ? pv.name()
                        : p.getParameterName();
                if (name != null && vars.containsKey(name)) {
                    vars.put(name, p.getParameterType());
                }
            }
        }
        return vars;
    }

    /** The path with each variable replaced: UUID variables by {@code id}, others by a plausible word. */
    static String path(Endpoint e, UUID id) {
        String path = e.pattern();
        for (var v : e.variables().entrySet()) {
            String value = v.getValue().equals(UUID.class) ? id.toString()
                    : v.getValue().equals(Integer.class) || v.getValue().equals(int.class)
                    || v.getValue().equals(Long.class) || v.getValue().equals(long.class) ? "1" : "x";
            path = path.replaceFirst("\\{" + Pattern.quote(v.getKey()) + "(:[^}]*)?}", value);
        }
        return path;
    }
}
