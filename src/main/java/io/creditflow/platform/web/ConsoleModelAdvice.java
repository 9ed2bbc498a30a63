package io.creditflow.platform.web;

import io.creditflow.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Gives every console page its navigation (filtered by the user's permissions) and who is signed in. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final List<ConsoleMenuItem> menu;

    ConsoleModelAdvice(List<ConsoleMenuItem> menu) {
        this.menu = menu.stream().sorted(Comparator.comparingInt(ConsoleMenuItem::order)).toList();
    }

    @ModelAttribute("menu")
    List<ConsoleMenuItem> menu() {
        Set<String> authorities = authorities();
        return menu.stream().filter(m -> m.authority() == null || authorities.contains(m.authority())).toList();
    }

    @ModelAttribute("actor")
    Actor actor() {
        return Actor.current();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    static Set<String> authorities() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Set.of() : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }
}
