import { render } from "lit-html";
import { describe, expect, it } from "vitest";
import { errorsById, errorSummary, fieldId, textField } from "./forms";

describe("GOV.UK error pattern", () => {
  it("maps the API's field paths to element ids", () => {
    expect(fieldId("schools[1].roll")).toBe("schools-1-roll");
    expect(fieldId("contact.email")).toBe("contact-email");
    expect(fieldId("rationale")).toBe("rationale");
  });

  it("joins several messages for one field, keeping the API's order", () => {
    const e = errorsById([
      { field: "schools[0].schoolNumber", message: "is required" },
      { field: "contact.email", message: "is not an email address" },
      { field: "schools[0].schoolNumber", message: "must be digits" },
    ]);
    expect([...e.keys()]).toEqual(["schools-0-schoolNumber", "contact-email"]);
    expect(e.get("schools-0-schoolNumber")).toBe("is required; must be digits");
  });

  it("renders a summary linking to each field and the message beside the field", () => {
    const errors = errorsById([{ field: "contact.email", message: "Enter an email address" }]);
    const root = document.createElement("div");
    render(textField({ id: "contact-email", label: "Email", value: "x", errors, onInput: () => {} }), root);
    const summary = document.createElement("div");
    render(errorSummary(errors, () => "Email"), summary);
    const link = summary.querySelector("a");
    expect(link?.getAttribute("href")).toBe("#contact-email");
    expect(link?.textContent).toBe("Email: Enter an email address");
    expect(summary.querySelector("[role=alert]")).not.toBeNull();
    const input = root.querySelector("input");
    expect(input?.getAttribute("aria-invalid")).toBe("true");
    expect(input?.getAttribute("aria-describedby")).toBe("contact-email-error");
    expect(root.querySelector("#contact-email-error")?.textContent).toContain("Enter an email address");
  });
});
