package io.omnireturns.console.shell;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: what the signed-in person's roles let them do, with a link to each screen. */
@Controller
class HomeController {

    @GetMapping("/console")
    String home() {
        return "console/shell/home";
    }
}
