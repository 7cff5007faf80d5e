import { describe, expect, it } from "vitest";
import { communityIdsToFetch, mergePage, type MyApplication } from "./my-applications";

function app(id: string, status: MyApplication["status"], communityId?: string): MyApplication {
  return { id, status, programme: "kahui-ako", communityName: `Community ${id}`, submittedAt: "2026-03-01T00:00:00Z", schoolCount: 2, totalRoll: 300, ...(communityId ? { communityId } : {}) };
}

describe("my applications", () => {
  it("fetches the detail only of approved applications whose community is not named", () => {
    expect(communityIdsToFetch([app("a", "SUBMITTED"), app("b", "APPROVED"), app("c", "APPROVED", "c1"), app("d", "DECLINED")])).toEqual(["b"]);
  });

  it("appends the next page without showing an application twice", () => {
    expect(mergePage([app("a", "SUBMITTED"), app("b", "SUBMITTED")], [app("b", "SUBMITTED"), app("c", "DECLINED")]).map((a) => a.id)).toEqual(["a", "b", "c"]);
  });
});
