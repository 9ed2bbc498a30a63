package io.creditflow.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Where a user lands after signing in: the first page of the navigation their role may see. */
@Controller
class ConsoleHome {

    private final List<ConsoleMenuItem> menu;

    ConsoleHome(List<ConsoleMenuItem> menu) {
        this.menu = menu.stream().sorted(Comparator.comparingInt(ConsoleMenuItem::order)).toList();
    }

    @GetMapping("/console/home")
    String home() {
        Set<String> authorities = ConsoleModelAdvice.authorities();
        return "redirect:" + menu.stream().filter(m -> m.authority() == null || authorities.contains(m.authority()))
                .map(ConsoleMenuItem::path).findFirst().orElse("/login?logout");
    }
}
