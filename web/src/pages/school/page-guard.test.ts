import { describe, expect, it } from "vitest";
import type { PageContext } from "../../ui/page";
import { pageGuard } from "./page-guard";

describe("a page still on screen", () => {
  it("is current until the route changes, or the same route opens again", () => {
    const ctx = { root: document.createElement("main") } as unknown as PageContext;
    window.location.hash = "#/my";
    const first = pageGuard(ctx);
    expect(first()).toBe(true);
    window.location.hash = "#/apply";
    expect(first()).toBe(false);
    window.location.hash = "#/my";
    const second = pageGuard(ctx);
    expect(second()).toBe(true);
    expect(first()).toBe(false);
  });
});
