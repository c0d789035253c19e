package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and the clinic's time zone. */
@ControllerAdvice
class ConsoleModel {

    private final ConsoleProperties properties;

    ConsoleModel(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("staff")
    @Nullable
    SignedIn staff(HttpSession session) {
        return SignedIn.of(session);
    }

    @ModelAttribute("clinicZone")
    String clinicZone() {
        return properties.clinicZone().getId();
    }
}
