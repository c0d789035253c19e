package org.iopcare.console;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My work": the four services' work items the staff member sees (their own, their roles' queues,
 * their caseload's), merged into one list, urgent first, then by due time. The list refreshes itself
 * (htmx, every 30 seconds) while the page is open.
 */
@Controller
class MyWork {

    private static final Map<String, Integer> PRIORITY_ORDER = Map.of("URGENT", 0, "HIGH", 1, "NORMAL", 2);
    private static final Set<String> ACTIONS = Set.of("claim", "acknowledge", "complete");

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
            @Nullable String dueAt,
            String state) {

        /** Owned by the staff member, or waiting in a queue of one of their roles. */
        boolean isFor(SignedIn staff) {
            return owner.equals(staff.staffId()) || staff.has(owner);
        }
    }

    @GetMapping("/")
    String page(HttpSession session, Model model) {
        list(session, model);
        return "my-work";
    }

    /** The list alone, for the page's periodic refresh. */
    @GetMapping("/work-items")
    String refresh(HttpSession session, Model model) {
        list(session, model);
        return "my-work :: items";
    }

    private void list(HttpSession session, Model model) {
        List<Item> items = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (ServiceApis.Answer answer : apis.getFromEach("/api/work-items?size=200", session)) {
            if (answer.ok()) {
                answer.list().forEach(item -> items.add(item(answer.service(), item)));
            } else if (answer.status() != 403) {
                // a role that has no work in a service is refused there: that is not an outage
                unavailable.add(answer.service());
            }
        }
        SignedIn staff = SignedIn.of(session);
        // theirs first (owned by them or by a queue of their role), then their clients' other work
        items.sort(Comparator.comparing((Item item) -> staff != null && item.isFor(staff) ? 0 : 1)
                .thenComparing(item -> PRIORITY_ORDER.getOrDefault(item.priority(), 3))
                .thenComparing(Item::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        model.addAttribute("items", items);
        model.addAttribute("unavailable", unavailable);
    }

    /**
     * Claim, acknowledge or complete an item at the service that owns it; the list shows the result.
     * The service checks that the item is the staff member's to change.
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
        ServiceApis.Answer answer = apis.post(service, "/api/work-items/" + id + "/" + action, body, session);
        flash.addFlashAttribute(
                "notice",
                answer.ok()
                        ? switch (action) {
                            case "claim" -> "Claimed: it is yours now.";
                            case "acknowledge" -> "Acknowledged.";
                            default -> "Completed.";
                        }
                        : answer.status() == 409
                                ? "Someone else changed this item first; the list shows it as it is now."
                                : answer.failure());
        return "redirect:/";
    }

    private static Item item(String service, Map<String, Object> json) {
        Object staff = json.get("ownerStaffId");
        Object owner = staff != null ? staff : json.get("ownerQueue");
        return new Item(
                service,
                text(json.get("id")),
                text(json.get("clientId")),
                text(json.get("kind")),
                text(json.get("priority")),
                text(json.get("reasonCode")),
                text(owner),
                json.get("dueAt") == null ? null : text(json.get("dueAt")),
                text(json.get("state")));
    }

    static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
