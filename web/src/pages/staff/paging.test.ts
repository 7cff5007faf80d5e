import { render } from "lit-html";
import { describe, expect, it } from "vitest";
import { listHash, nextTokenOf, pageNumber, pagination } from "./paging";

describe("list paging in the URL", () => {
  it("keeps only the filters that are set, encoded", () => {
    expect(listHash("/staff/queue", { status: "APPROVED", nextToken: undefined, page: "" })).toBe("#/staff/queue?status=APPROVED");
    expect(listHash("/staff/queue", {})).toBe("#/staff/queue");
    expect(listHash("/notifications", { communityId: "a b", page: 2 })).toBe("#/notifications?communityId=a+b&page=2");
  });

  it("reads the page number and token, ignoring nonsense", () => {
    expect(pageNumber(new URLSearchParams("page=3"))).toBe(3);
    expect(pageNumber(new URLSearchParams("page=-1"))).toBe(1);
    expect(pageNumber(new URLSearchParams("page=x"))).toBe(1);
    expect(nextTokenOf(new URLSearchParams("nextToken="))).toBeUndefined();
    expect(nextTokenOf(new URLSearchParams("nextToken=eyJ9"))).toBe("eyJ9");
  });

  it("links to the next page with the filters kept, and back to the first", () => {
    const root = document.createElement("div");
    render(pagination("/staff/queue", { status: "DECLINED" }, 2, "tok"), root);
    const links = [...root.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["First page", "#/staff/queue?status=DECLINED"],
      ["Next page", "#/staff/queue?status=DECLINED&nextToken=tok&page=3"],
    ]);
    const none = document.createElement("div");
    render(pagination("/staff/queue", {}, 1, undefined), none);
    expect(none.querySelector("nav")).toBeNull();
  });
});
