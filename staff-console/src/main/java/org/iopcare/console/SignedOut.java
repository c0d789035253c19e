package org.iopcare.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After signing out where sign-in is OpenID Connect: a page to sign in again from. */
@Controller
class SignedOut {

    @GetMapping("/signed-out")
    String page() {
        return "signed-out";
    }
}
