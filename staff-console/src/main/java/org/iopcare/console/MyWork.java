package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

    /**
     * Claim, acknowledge or complete an item at the service that owns it; the list shows the result.
     * The item's id and service come from the page, so both are checked against what the services
     * know before anything is sent.
     */
    @PostMapping("/work/{service}/{id}/{action}")
    String act(
            @PathVariable String service,
            @PathVariable UUID id,
            @PathVariable String action,
            HttpSession session,
            RedirectAttributes flash) {
        if (!ACTIONS.contains(action)) {
            flash.addFlashAttribute("notice", "That is not something a work item can do.");
            return "redirect:/";
        }
        Map<String, Object> body = action.equals("complete") ? Map.of("outcome", "HANDLED") : Map.of();
        int status = apis.post(service, "/api/work-items/" + id + "/" + action, body, session);
        flash.addFlashAttribute(
                "notice",
                switch (status) {
                    case 200 -> "Done.";
                    case 409 -> "Someone else changed this item first; the list shows it as it is now.";
                    case 403, 404 -> "This item is not yours to change.";
                    case 0 -> "The " + service + " service did not answer; nothing was changed.";
                    default -> "The " + service + " service refused this (" + status + ").";
                });
        return "redirect:/";
    }

    private static final java.util.Set<String> ACTIONS = java.util.Set.of("claim", "acknowledge", "complete");

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
