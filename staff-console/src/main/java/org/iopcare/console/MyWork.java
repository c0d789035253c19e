package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

/**
 * "My work": the four services' work items the staff member sees (their own, their roles' queues,
 * their caseload's), merged into one list, urgent first, then by due time.
 */
@Controller
class MyWork {

    private static final Map<String, Integer> PRIORITY_ORDER = Map.of("URGENT", 0, "HIGH", 1, "NORMAL", 2);

    private final ServiceApis apis;

    MyWork(ServiceApis apis) {
        this.apis = apis;
    }

    /**
     * One line of the list.
     *
     * @param service the service that owns the item (its actions go there)
     */
    record Item(
            String service,
            String id,
            String clientId,
            String kind,
            String priority,
            String reasonCode,
            String owner,
            Instant dueAt,
            String state) {}

    @GetMapping("/")
    String page(HttpSession session, Model model) {
        List<Item> items = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (ServiceApis.Answer answer : apis.getFromEach("/api/work-items?size=200", session)) {
            if (answer.unavailable() != null) {
                unavailable.add(answer.service());
                continue;
            }
            answer.body().path("content").forEach(item -> items.add(item(answer.service(), item)));
        }
        items.sort(Comparator.comparing((Item item) -> PRIORITY_ORDER.getOrDefault(item.priority(), 3))
                .thenComparing(Item::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("staff", session.getAttribute(SignedIn.SESSION_ATTRIBUTE));
        model.addAttribute("items", items);
        model.addAttribute("unavailable", unavailable);
        return "my-work";
    }

    private static Item item(String service, JsonNode json) {
        String owner =
                json.path("ownerStaffId").isNull() || json.path("ownerStaffId").isMissingNode()
                        ? json.path("ownerQueue").asString("")
                        : json.path("ownerStaffId").asString("");
        String due = json.path("dueAt").asString("");
        return new Item(
                service,
                json.path("id").asString(""),
                json.path("clientId").asString(""),
                json.path("kind").asString(""),
                json.path("priority").asString(""),
                json.path("reasonCode").asString(""),
                owner,
                due.isEmpty() ? null : Instant.parse(due),
                json.path("state").asString(""));
    }
}
