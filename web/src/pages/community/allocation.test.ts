import { render } from "lit-html";
import { describe, expect, it } from "vitest";
import {
  allocationAliases,
  allocationIds,
  allocationLabel,
  allocationOutcome,
  allocationRequest,
  checkAllocation,
  emptyAllocation,
  parseRoles,
  releasesSentence,
  roleCounts,
  withinAfterMerge,
  type AllocationDraft,
} from "./allocation";
import { allocationFields } from "./roles";
import { placeErrors } from "./view";

const MEMBERS = [
  { schoolNumber: "7301", name: "Ōtaki School" },
  { schoolNumber: "7302", name: "Waitohu School" },
  { schoolNumber: "7303", name: "Ōtaki College" },
];
const ids = allocationIds("roles");

function draft(rows: Array<[string, string]>, merged = 0): AllocationDraft {
  const d = emptyAllocation(MEMBERS);
  rows.forEach(([across, within], i) => Object.assign(d.schools[i]!, { across, within }));
  d.merged = merged;
  return d;
}

describe("the role allocation form", () => {
  it("starts every member school at 0 roles with nothing merged", () => {
    const d = emptyAllocation(MEMBERS);
    expect(d.schools.map((s) => [s.schoolNumber, s.across, s.within])).toEqual([["7301", "0", "0"], ["7302", "0", "0"], ["7303", "0", "0"]]);
    expect(d.merged).toBe(0);
    expect(checkAllocation(d, ids).size).toBe(0);
  });

  it("takes whole numbers from 0 to 50 a school, as the server does", () => {
    expect(parseRoles("0")).toBe(0);
    expect(parseRoles(" 12 ")).toBe(12);
    expect(parseRoles("50")).toBe(50);
    expect(parseRoles("51")).toBeNull();
    expect(parseRoles("-1")).toBeNull();
    expect(parseRoles("2.5")).toBeNull();
    expect(parseRoles("1e1")).toBeNull();
    expect(parseRoles("")).toBeNull();
  });

  it("names each school's input at fault, in the order of the form", () => {
    const errors = checkAllocation(draft([["2", ""], ["51", "x"], ["1.5", "3"]]), ids);
    expect([...errors.keys()]).toEqual(["roles-within-7301", "roles-across-7302", "roles-within-7302", "roles-across-7303"]);
    expect(errors.get("roles-within-7301")).toBe("Enter the within-school roles Ōtaki School generated, 0 if none");
    expect(errors.get("roles-across-7302")).toBe("Across-school roles for Waitohu School must be a whole number from 0 to 50");
  });

  it("lets a merge take only the within-school roles there are, 3.3 for each extra across-school role", () => {
    expect(withinAfterMerge(5, 0)).toBe(5);
    expect(withinAfterMerge(4, 1)).toBe(0); // 0.7 left, rounded down
    expect(withinAfterMerge(3, 1)).toBe(-1);
    expect(withinAfterMerge(7, 2)).toBe(0); // 0.4 left
    expect(withinAfterMerge(6, 2)).toBe(-1);
    expect(withinAfterMerge(10, 2)).toBe(3); // 3.4 left
    expect(checkAllocation(draft([["0", "2"], ["0", "1"]], 1), ids).get("roles-merged"))
      .toBe("Merging 1 extra across-school role takes 3.3 within-school roles, and the schools generated 3");
    expect(checkAllocation(draft([["0", "4"], ["0", "2"]], 2), ids).get("roles-merged"))
      .toBe("Merging 2 extra across-school roles takes 6.6 within-school roles, and the schools generated 6");
    expect(checkAllocation(draft([["0", "4"], ["0", "3"]], 2), ids).size).toBe(0);
    expect(checkAllocation({ ...draft([]), merged: 3 }, ids).get("roles-merged")).toBe("Select 0, 1 or 2 extra across-school roles");
  });

  it("sends only the schools with roles, and remembers which school each entry is", () => {
    const request = allocationRequest(draft([["2", "0"], ["0", "3"], [" 1 ", "2"]], 1));
    expect(request.body).toEqual({
      acrossSchool: [{ schoolNumber: "7301", roles: 2 }, { schoolNumber: "7303", roles: 1 }],
      withinSchool: [{ schoolNumber: "7302", roles: 3 }, { schoolNumber: "7303", roles: 2 }],
      mergedForExtraAcrossSchool: 1,
    });
    expect(request.sent).toEqual({ acrossSchool: ["7301", "7303"], withinSchool: ["7302", "7303"] });
    expect(allocationRequest(emptyAllocation(MEMBERS)).body).toEqual({ acrossSchool: [], withinSchool: [], mergedForExtraAcrossSchool: 0 });
  });

  it("puts the server's field errors on the input of the school the entry was, not the school at that position", () => {
    const d = draft([["2", "0"], ["0", "3"], ["1", "2"]]);
    const { sent } = allocationRequest(d);
    const label = (id: string) => ({ leaderSchoolNumber: "School employing the community leader" } as Record<string, string>)[id] ?? allocationLabel(d, ids)(id);
    const placed = placeErrors(
      [
        { field: "roleAllocation.withinSchool[1].roles", message: "must be a whole number from 0 to 50" },
        { field: "roleAllocation.acrossSchool[0].schoolNumber", message: "school 7301 is not a member of this community" },
        { field: "roleAllocation.mergedForExtraAcrossSchool", message: "must be at most 2" },
        { field: "roleAllocation", message: "is required" },
        { field: "leaderSchoolNumber", message: "is required when endorsing" },
        { field: "roleAllocation.other", message: "is not a field" },
      ],
      label,
      allocationAliases(sent, "roleAllocation.", ids),
    );
    expect([...placed.errors]).toEqual([
      ["roles-within-7303", "must be a whole number from 0 to 50"],
      ["roles-across-7301", "school 7301 is not a member of this community"],
      ["roles-merged", "must be at most 2"],
      ["roles", "is required"],
      ["leaderSchoolNumber", "is required when endorsing"],
    ]);
    expect(placed.extra).toBe("roleAllocation.other: is not a field");
    expect(label("roles-within-7303")).toBe("Ōtaki College within-school roles");
  });

  it("reads the paths of the allocation sent on its own (POST .../role-allocation), body included", () => {
    const d = draft([["0", "1"], ["0", "4"]]);
    const held = allocationIds("held-roles");
    const alias = allocationAliases(allocationRequest(d).sent, "", held);
    expect(alias["withinSchool[1].roles"]).toBe("held-roles-within-7302");
    expect(alias["withinSchool[0]"]).toBe("held-roles-within-7301");
    expect(alias.acrossSchool).toBe("held-roles");
    expect(alias.body).toBe("held-roles");
    expect(alias.mergedForExtraAcrossSchool).toBe("held-roles-merged");
    expect(alias["acrossSchool[0].roles"]).toBeUndefined();
  });

  it("says what the allocation makes, and what a recorded one releases", () => {
    expect(allocationOutcome(draft([["2", "3"], ["0", "2"]], 1))).toBe("This allocation makes 1 community leader, 3 across-school, 1 within-school role.");
    expect(allocationOutcome(draft([["2", "x"]]))).toBeNull();
    expect(allocationOutcome(draft([["0", "1"]], 1))).toBeNull();
    expect(roleCounts({ communityLeader: 1, acrossSchool: 2, withinSchool: 5 })).toBe("1 community leader, 2 across-school, 5 within-school roles");
    expect(releasesSentence({ communityLeader: 1, acrossSchool: 2, withinSchool: 5, inquiryHoursSchools: 3 }))
      .toBe("1 community leader, 2 across-school, 5 within-school roles, and teacher inquiry time for 3 member schools.");
    expect(releasesSentence({ communityLeader: 1, acrossSchool: 0, withinSchool: 1, inquiryHoursSchools: 0 }))
      .toBe("1 community leader, 0 across-school, 1 within-school role.");
  });

  it("draws each school's inputs under its name, each error beside its input", () => {
    const d = draft([["2", "x"]]);
    const errors = checkAllocation(d, ids);
    const root = document.createElement("div");
    render(allocationFields(d, ids, errors, () => {}), root);
    const groups = [...root.querySelectorAll("fieldset.community-school-roles")];
    expect(groups.map((g) => g.querySelector("legend")?.textContent)).toEqual(["Ōtaki School (7301)", "Waitohu School (7302)", "Ōtaki College (7303)"]);
    const within = root.querySelector<HTMLInputElement>("#roles-within-7301")!;
    expect(within.value).toBe("x");
    expect(within.getAttribute("aria-invalid")).toBe("true");
    expect(within.getAttribute("aria-describedby")).toBe("roles-within-7301-error");
    expect(root.querySelector("#roles-within-7301-error")?.textContent).toContain("Within-school roles for Ōtaki School must be a whole number from 0 to 50");
    expect(root.querySelector("label[for=roles-across-7302]")?.textContent).toBe("Across-school roles");
    expect(root.querySelector("#roles-merged-hint")?.textContent).toContain("Each takes 3.3 within-school roles");
    expect([...root.querySelectorAll("input[type=radio]")].map((r) => (r as HTMLInputElement).checked)).toEqual([true, false, false]);
  });
});
