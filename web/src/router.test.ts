import { describe, expect, it } from "vitest";
import { match, parseHash, type Route } from "./router";

const page = async () => () => undefined;
const routes: Route[] = [
  { pattern: "/", role: "public", page },
  { pattern: "/communities/:id", role: "any", page },
  { pattern: "/staff/queue", role: "staff", page },
];

describe("hash router", () => {
  it("splits path and query", () => {
    const { path, query } = parseHash("#/staff/queue?status=APPROVED&nextToken=a%2Bb");
    expect(path).toBe("/staff/queue");
    expect(query.get("status")).toBe("APPROVED");
    expect(query.get("nextToken")).toBe("a+b");
  });

  it("matches parameters and decodes them", () => {
    const m = match(routes, "#/communities/5a7d2c91-8e34");
    expect(m?.route.pattern).toBe("/communities/:id");
    expect(m?.params).toEqual({ id: "5a7d2c91-8e34" });
  });

  it("treats an empty hash as the home page and unknown paths as no match", () => {
    expect(match(routes, "")?.route.pattern).toBe("/");
    expect(match(routes, "#/communities")).toBeNull();
    expect(match(routes, "#/communities/a/b")).toBeNull();
  });
});
