package io.creditflow.payments.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the signed-in user may do something: pages hide the buttons for what the server would refuse anyway. */
final class ConsoleAccess {

    private ConsoleAccess() {
    }

    static boolean may(String authority) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
