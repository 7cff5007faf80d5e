import { html } from "lit-html";
import { describe, expect, it } from "vitest";
import { show, type PageContext } from "./page";

function ctxFor(root: HTMLElement, current: () => boolean): PageContext {
  return { params: {}, query: new URLSearchParams(), session: null, config: { mode: "local", apiBaseUrl: "" }, root, navigate: () => {}, reload: () => {}, isCurrent: current } as PageContext;
}

describe("a page's drawing", () => {
  it("draws while its route is current and not once the user has moved on", () => {
    const root = document.createElement("main");
    let current = true;
    const ctx = ctxFor(root, () => current);
    show(ctx, "My applications", html`<h1>My applications</h1>`);
    expect(root.textContent).toContain("My applications");
    expect(document.title).toBe("My applications – School collaboration programmes");
    current = false;
    show(ctx, "Late page", html`<h1>Late page</h1>`);
    expect(root.textContent).not.toContain("Late page");
    expect(document.title).toBe("My applications – School collaboration programmes");
  });
});
