import { describe, expect, it } from "vitest";
import { historyItems } from "./history";

const submitted = { at: "2026-03-02T21:14:05.123Z", event: "SUBMITTED", by: "school-sub" };
const base = { communityName: "Ōtaki Kāhui Ako", submittedBy: { sub: "school-sub", email: "tumuaki@otaki.example.school.nz" }, history: [submitted] };

describe("application timeline", () => {
  it("shows a submission with who submitted it", () => {
    expect(historyItems(base)).toEqual([{ at: submitted.at, title: "Application submitted", details: ["By tumuaki@otaki.example.school.nz"] }]);
  });

  it("shows an approval with the wave from the decision and the community it formed, linked", () => {
    const approved = { at: "2026-03-16T01:32:47.918Z", event: "APPROVED", by: "staff-sub" };
    const items = historyItems({ ...base, history: [submitted, approved], communityId: "5a7d" }, {
      decision: "APPROVED", wave: "2014-12", decidedBy: { sub: "staff-sub", email: "office@example.org" },
    });
    expect(items.map((i) => i.title)).toEqual(["Application submitted", "Approved", "Community formed"]);
    expect(items[1]?.details).toEqual(["Wave: 2014-12", "By office@example.org"]);
    expect(items[2]?.link).toEqual({ href: "#/communities/5a7d", text: "Go to the community Ōtaki Kāhui Ako" });
    expect(items[2]?.at).toBe(approved.at);
  });

  it("shows an approval's wave and reason from its history entry, on a fresh page", () => {
    const approved = { at: "2026-03-16T01:32:47.918Z", event: "APPROVED", by: "staff-sub", wave: "2014-12", reason: "A strong shared plan." };
    const items = historyItems({ ...base, history: [submitted, approved], communityId: "5a7d" }, undefined, { name: "Ōtaki Kāhui Ako", wave: "2015-06", status: "FORMING" });
    expect(items[1]?.details).toEqual(["Wave: 2014-12", "Reason: A strong shared plan."]);
  });

  it("says no wave was given when neither the entry, the decision nor the community names one", () => {
    const approved = { at: "2026-03-16T01:32:47.918Z", event: "APPROVED", by: "staff-sub" };
    expect(historyItems({ ...base, history: [submitted, approved] })[1]?.details).toEqual(["No wave given"]);
  });

  it("takes the wave from the community when an old entry does not say it and the decision was made elsewhere", () => {
    const approved = { at: "2026-03-16T01:32:47.918Z", event: "APPROVED", by: "staff-sub" };
    const items = historyItems({ ...base, history: [submitted, approved], communityId: "5a7d" }, undefined, { name: "Ōtaki Kāhui Ako", wave: "2015-06", status: "FORMING" });
    expect(items[1]?.details).toEqual(["Wave: 2015-06"]);
    expect(items[2]?.details).toEqual(["Ōtaki Kāhui Ako (forming)"]);
  });

  it("shows a decline's reason from its history entry, on a fresh page", () => {
    const declined = { at: "2026-03-16T01:41:09.226Z", event: "DECLINED", by: "staff-sub", reason: "Targets for Māori learners are missing." };
    const items = historyItems({ ...base, history: [submitted, declined] });
    expect(items[1]).toEqual({ at: declined.at, title: "Declined", details: ["Reason: Targets for Māori learners are missing."] });
    expect(items).toHaveLength(2);
  });

  it("adds the wave from this tab's decision to a decline's entry", () => {
    const declined = { at: "2026-03-16T01:41:09.226Z", event: "DECLINED", by: "staff-sub", reason: "Targets for Māori learners are missing." };
    const items = historyItems({ ...base, history: [submitted, declined] }, {
      decision: "DECLINED", wave: "2014-12", reason: "Targets for Māori learners are missing.", decidedBy: { sub: "staff-sub", email: "office@example.org" },
    });
    expect(items[1]?.details).toEqual(["Wave: 2014-12", "Reason: Targets for Māori learners are missing.", "By office@example.org"]);
  });

  it("for an old decline entry, shows the reason from this tab's decision when known, and where the reason went when not", () => {
    const declined = { at: "2026-03-16T01:41:09.226Z", event: "DECLINED", by: "staff-sub" };
    const known = historyItems({ ...base, history: [submitted, declined] }, { decision: "DECLINED", wave: "2014-12", reason: "Targets for Māori learners are missing." });
    expect(known[1]).toEqual({ at: declined.at, title: "Declined", details: ["Wave: 2014-12", "Reason: Targets for Māori learners are missing."] });
    const unknown = historyItems({ ...base, history: [submitted, declined] });
    expect(unknown[1]?.details).toEqual(["The reason was sent to the application's contact by email."]);
    expect(unknown).toHaveLength(2);
  });

  it("names an event it does not know in words", () => {
    expect(historyItems({ ...base, history: [{ at: "2026-04-01T00:00:00Z", event: "WITHDRAWN", by: "x" }] })[0]?.title).toBe("Withdrawn");
  });
});
