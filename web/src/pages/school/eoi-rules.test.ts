import { describe, expect, it } from "vitest";
import {
  besideMessage,
  characterCount,
  checkEoi,
  claimedErrors,
  codePoints,
  errorsWithoutRow,
  fieldLabels,
  isBlank,
  parseRoll,
  parseTeacherFte,
  placeErrors,
  toRequest,
  type EoiForm,
  type SchoolRow,
} from "./eoi-rules";

/** A form that meets every rule: the API's worked example, as a school user would type it. */
function valid(): EoiForm {
  return {
    programme: "kahui-ako",
    communityName: "Ōtaki Kāhui Ako",
    region: "Wellington",
    contact: { name: "Mere Rāwiri", email: "tumuaki@otaki.example.school.nz", phone: "+64 6 364 0000" },
    schools: [
      { key: 1, schoolNumber: "9101", name: "Ōtaki School", type: "PRIMARY", roll: "182", teacherFte: "11.5", boardEndorsed: true },
      { key: 2, schoolNumber: "9102", name: "Te Kura-ā-Iwi o Whakatupuranga Rua Mano", type: "COMPOSITE", roll: "210", teacherFte: "16", boardEndorsed: true },
    ],
    proposedChallenges: ["ATTENDANCE", "WELLBEING"],
    rationale: "Ka mahi tahi ngā kura.",
  };
}

function row(i: number, over: Partial<SchoolRow> = {}): SchoolRow {
  return { key: 10 + i, schoolNumber: String(9200 + i), name: `School ${i}`, type: "PRIMARY", roll: "100", teacherFte: "5", boardEndorsed: true, ...over };
}

/** The errors of a valid form with one change. */
function errorsOf(change: (f: EoiForm) => void, own: string | undefined = "9101") {
  const f = valid();
  change(f);
  return checkEoi(f, own);
}

function fieldsOf(change: (f: EoiForm) => void, own?: string) {
  return errorsOf(change, own).map((e) => e.field);
}

describe("the API's rules, checked in the browser", () => {
  it("passes a form that meets every rule, and says nothing", () => {
    expect(checkEoi(valid(), "9101")).toEqual([]);
  });

  it("programme: required, one of the two", () => {
    expect(errorsOf((f) => (f.programme = ""))).toEqual([{ field: "programme", message: "is required" }]);
    expect(errorsOf((f) => (f.programme = "school-improvement"))).toEqual([]);
  });

  it("communityName: required, not blank, 3 to 120 code points (macrons count once)", () => {
    expect(errorsOf((f) => (f.communityName = ""))).toEqual([{ field: "communityName", message: "is required" }]);
    expect(errorsOf((f) => (f.communityName = "   "))).toEqual([{ field: "communityName", message: "must not be blank" }]);
    expect(errorsOf((f) => (f.communityName = "Ōt"))).toEqual([{ field: "communityName", message: "must be 3 to 120 characters (got 2)" }]);
    expect(errorsOf((f) => (f.communityName = "Ōtā"))).toEqual([]);
    expect(errorsOf((f) => (f.communityName = "ā".repeat(120)))).toEqual([]);
    expect(errorsOf((f) => (f.communityName = "ā".repeat(121)))).toEqual([{ field: "communityName", message: "must be 3 to 120 characters (got 121)" }]);
  });

  it("region: optional (blank is not sent), at most 100 characters", () => {
    expect(errorsOf((f) => (f.region = ""))).toEqual([]);
    expect(errorsOf((f) => (f.region = "x".repeat(100)))).toEqual([]);
    expect(errorsOf((f) => (f.region = "x".repeat(101)))).toEqual([{ field: "region", message: "must be 1 to 100 characters (got 101)" }]);
  });

  it("contact.name: required, not blank, at most 200 characters", () => {
    expect(fieldsOf((f) => (f.contact.name = ""))).toEqual(["contact.name"]);
    expect(errorsOf((f) => (f.contact.name = "\t "))).toEqual([{ field: "contact.name", message: "must not be blank" }]);
    expect(errorsOf((f) => (f.contact.name = "n".repeat(200)))).toEqual([]);
    expect(errorsOf((f) => (f.contact.name = "n".repeat(201)))).toEqual([{ field: "contact.name", message: "must be 1 to 200 characters (got 201)" }]);
  });

  it("contact.email: required, 3 to 254 characters, one @, no spaces, a dot in the domain", () => {
    expect(errorsOf((f) => (f.contact.email = ""))).toEqual([{ field: "contact.email", message: "is required" }]);
    for (const bad of ["tumuaki", "a@b", "a b@school.nz", "a@@school.nz", "a@school.", "a@.nz"]) {
      expect(errorsOf((f) => (f.contact.email = bad)), bad).toEqual([{ field: "contact.email", message: "is not a valid email address" }]);
    }
    expect(errorsOf((f) => (f.contact.email = `${"a".repeat(65)}@school.nz`))).toEqual([{ field: "contact.email", message: "is not a valid email address" }]);
    expect(errorsOf((f) => (f.contact.email = `a@${"b".repeat(250)}.nz`))).toEqual([{ field: "contact.email", message: "must be 3 to 254 characters (got 255)" }]);
    for (const good of ["a@b.nz", "tumuaki@ōtaki.school.nz", " spaces.around@school.nz "]) {
      expect(errorsOf((f) => (f.contact.email = good)), good).toEqual([]);
    }
  });

  it("contact.phone: optional; digits, spaces, brackets, dashes and a leading +, 5 to 30", () => {
    expect(errorsOf((f) => (f.contact.phone = ""))).toEqual([]);
    expect(errorsOf((f) => (f.contact.phone = "(06) 364-0000"))).toEqual([]);
    const message = "may hold only digits, spaces, brackets, dashes and a leading +";
    for (const bad of ["1234", "06 364 0000 ext 2", "64+6"]) {
      expect(errorsOf((f) => (f.contact.phone = bad)), bad).toEqual([{ field: "contact.phone", message }]);
    }
    expect(errorsOf((f) => (f.contact.phone = "1".repeat(31)))).toEqual([{ field: "contact.phone", message: "must be 1 to 30 characters (got 31)" }]);
  });

  it("schools: 2 to 30", () => {
    expect(errorsOf((f) => (f.schools = f.schools.slice(0, 1)))).toEqual([
      { field: "schools", message: "must list 2 to 30 schools (got 1)" },
    ]);
    expect(errorsOf((f) => f.schools.push(...Array.from({ length: 28 }, (_, i) => row(i))))).toEqual([]);
    expect(errorsOf((f) => f.schools.push(...Array.from({ length: 29 }, (_, i) => row(i))))).toEqual([
      { field: "schools", message: "must list 2 to 30 schools (got 31)" },
    ]);
  });

  it("schools[i].schoolNumber: required, digits only, 1 to 10, unique (the later one is named)", () => {
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = ""))).toEqual([{ field: "schools[1].schoolNumber", message: "is required" }]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = "91O2"))).toEqual([{ field: "schools[1].schoolNumber", message: "must be digits only" }]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = "-9102"))).toEqual([{ field: "schools[1].schoolNumber", message: "must be digits only" }]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = "12345678901"))).toEqual([
      { field: "schools[1].schoolNumber", message: "must be 1 to 10 characters (got 11)" },
    ]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = "1234567890"))).toEqual([]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = " 9102 "))).toEqual([]);
    expect(errorsOf((f) => (f.schools[1]!.schoolNumber = "9101"))).toEqual([
      { field: "schools[1].schoolNumber", message: "school 9101 is listed more than once" },
    ]);
  });

  it("schools[i].name: required, not blank, at most 200", () => {
    expect(errorsOf((f) => (f.schools[0]!.name = ""))).toEqual([{ field: "schools[0].name", message: "is required" }]);
    expect(errorsOf((f) => (f.schools[0]!.name = "  "))).toEqual([{ field: "schools[0].name", message: "must not be blank" }]);
    expect(errorsOf((f) => (f.schools[0]!.name = "ō".repeat(201)))).toEqual([{ field: "schools[0].name", message: "must be 1 to 200 characters (got 201)" }]);
    expect(errorsOf((f) => (f.schools[0]!.name = "ō".repeat(200)))).toEqual([]);
  });

  it("schools[i].type: required", () => {
    expect(errorsOf((f) => (f.schools[1]!.type = ""))).toEqual([
      { field: "schools[1].type", message: "is required" },
      { field: "schools", message: "at least 2 must be state schools (not early learning services or tertiary providers)" },
    ]);
    expect(errorsOf((f) => (f.schools[1]!.type = "SPECIAL"))).toEqual([]);
  });

  it("schools: at least 2 state schools (early learning and tertiary do not count)", () => {
    const message = "at least 2 must be state schools (not early learning services or tertiary providers)";
    expect(errorsOf((f) => (f.schools[1]!.type = "EARLY_LEARNING"))).toEqual([{ field: "schools", message }]);
    expect(errorsOf((f) => (f.schools[0]!.type = "TERTIARY"))).toEqual([{ field: "schools", message }]);
    expect(errorsOf((f) => f.schools.push(row(1, { type: "EARLY_LEARNING" }), row(2, { type: "TERTIARY" })))).toEqual([]);
  });

  it("schools[i].roll: a whole number from 0 to 10000", () => {
    const at = "schools[1].roll";
    expect(errorsOf((f) => (f.schools[1]!.roll = ""))).toEqual([{ field: at, message: "is required" }]);
    expect(errorsOf((f) => (f.schools[1]!.roll = "lots"))).toEqual([{ field: at, message: "must be a number" }]);
    expect(errorsOf((f) => (f.schools[1]!.roll = "182.5"))).toEqual([{ field: at, message: "must be a whole number" }]);
    expect(errorsOf((f) => (f.schools[1]!.roll = "-1"))).toEqual([{ field: at, message: "must be between 0 and 10000" }]);
    expect(errorsOf((f) => (f.schools[1]!.roll = "10001"))).toEqual([{ field: at, message: "must be between 0 and 10000" }]);
    expect(errorsOf((f) => (f.schools[1]!.roll = "99999999999999999999"))).toEqual([{ field: at, message: "must be between 0 and 10000" }]);
    for (const ok of ["0", "10000", " 182 ", "182.0"]) expect(errorsOf((f) => (f.schools[1]!.roll = ok)), ok).toEqual([]);
  });

  it("schools[i].teacherFte: 0 to 1000, at most 2 decimal places", () => {
    const at = "schools[0].teacherFte";
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = ""))).toEqual([{ field: at, message: "is required" }]);
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = "eleven"))).toEqual([{ field: at, message: "must be a number" }]);
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = "11,5"))).toEqual([{ field: at, message: "must be a number" }]);
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = "-0.5"))).toEqual([{ field: at, message: "must be between 0 and 1000" }]);
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = "1000.01"))).toEqual([{ field: at, message: "must be between 0 and 1000" }]);
    expect(errorsOf((f) => (f.schools[0]!.teacherFte = "11.555"))).toEqual([{ field: at, message: "may have at most 2 decimal places" }]);
    for (const ok of ["0", "1000", "11.55", "11.500", ".5", "12."]) expect(errorsOf((f) => (f.schools[0]!.teacherFte = ok)), ok).toEqual([]);
  });

  it("schools[i].boardEndorsed: every board endorses a kahui-ako application; not required for school-improvement", () => {
    expect(errorsOf((f) => (f.schools[1]!.boardEndorsed = false))).toEqual([
      { field: "schools[1].boardEndorsed", message: "every school board must endorse a kahui-ako application" },
    ]);
    expect(errorsOf((f) => {
      f.programme = "school-improvement";
      f.schools[1]!.boardEndorsed = false;
    })).toEqual([]);
  });

  it("schools: must include the user's own school", () => {
    expect(errorsOf((f) => (f.schools[0]!.schoolNumber = "9103"))).toEqual([{ field: "schools", message: "must include your own school (9101)" }]);
    expect(errorsOf(() => {}, "9102")).toEqual([]);
    expect(errorsOf(() => {}, undefined)).toEqual([]);
  });

  it("proposedChallenges: 1 to 5 distinct areas", () => {
    expect(errorsOf((f) => (f.proposedChallenges = []))).toEqual([{ field: "proposedChallenges", message: "must name 1 to 5 areas (got 0)" }]);
    expect(errorsOf((f) => (f.proposedChallenges = ["ATTENDANCE", "ENGAGEMENT", "ACHIEVEMENT", "TRANSITIONS", "WELLBEING"]))).toEqual([]);
  });

  it("rationale: optional, at most 4000 characters", () => {
    expect(errorsOf((f) => (f.rationale = ""))).toEqual([]);
    expect(errorsOf((f) => (f.rationale = "ā".repeat(4000)))).toEqual([]);
    expect(errorsOf((f) => (f.rationale = "ā".repeat(4001)))).toEqual([{ field: "rationale", message: "must be 0 to 4000 characters (got 4001)" }]);
  });

  it("names every field at fault at once, in the API's order", () => {
    const empty: EoiForm = {
      programme: "", communityName: "", region: "", contact: { name: "", email: "", phone: "" },
      schools: [{ key: 1, schoolNumber: "9101", name: "", type: "", roll: "", teacherFte: "", boardEndorsed: false },
        { key: 2, schoolNumber: "", name: "", type: "", roll: "", teacherFte: "", boardEndorsed: false }],
      proposedChallenges: [], rationale: "",
    };
    expect(checkEoi(empty, "9101").map((e) => e.field)).toEqual([
      "programme", "communityName", "contact.name", "contact.email",
      "schools[0].name", "schools[0].type", "schools[0].roll", "schools[0].teacherFte",
      "schools[1].schoolNumber", "schools[1].name", "schools[1].type", "schools[1].roll", "schools[1].teacherFte",
      "schools", "proposedChallenges",
    ]);
  });
});

describe("the body sent", () => {
  it("has the API's field names and types, text exactly as typed", () => {
    const f = valid();
    f.communityName = " Ōtaki  Kāhui Ako ";
    f.proposedChallenges = ["WELLBEING", "ATTENDANCE"];
    f.schools[0]!.teacherFte = "11.50";
    expect(toRequest(f)).toEqual({
      programme: "kahui-ako",
      communityName: " Ōtaki  Kāhui Ako ",
      region: "Wellington",
      contact: { name: "Mere Rāwiri", email: "tumuaki@otaki.example.school.nz", phone: "+64 6 364 0000" },
      schools: [
        { schoolNumber: "9101", name: "Ōtaki School", type: "PRIMARY", roll: 182, teacherFte: 11.5, boardEndorsed: true },
        { schoolNumber: "9102", name: "Te Kura-ā-Iwi o Whakatupuranga Rua Mano", type: "COMPOSITE", roll: 210, teacherFte: 16, boardEndorsed: true },
      ],
      proposedChallenges: ["ATTENDANCE", "WELLBEING"],
      rationale: "Ka mahi tahi ngā kura.",
    });
    expect(JSON.stringify(toRequest(f))).toContain('"roll":182,');
  });

  it("leaves out optional fields left blank", () => {
    const f = valid();
    f.region = " ";
    f.contact.phone = "";
    f.rationale = "";
    const body = toRequest(f);
    expect("region" in body || "rationale" in body || "phone" in body.contact).toBe(false);
  });

  it("is the same bytes for the same content, whatever order the areas were ticked in", () => {
    const a = valid();
    const b = valid();
    b.proposedChallenges = [...a.proposedChallenges].reverse();
    expect(JSON.stringify(toRequest(a))).toBe(JSON.stringify(toRequest(b)));
  });
});

describe("helpers", () => {
  it("counts code points and Java's blank", () => {
    expect(codePoints("Ōtaki")).toBe(5);
    expect(codePoints("👩🏽‍🏫")).toBe(4);
    expect(isBlank(" \t\n")).toBe(true);
    expect(isBlank("\u00A0")).toBe(false); // Java: a no-break space is not whitespace
  });

  it("parses numbers as typed", () => {
    expect(parseRoll("0")).toEqual({ ok: true, value: 0 });
    expect(parseTeacherFte("0.25")).toEqual({ ok: true, value: 0.25 });
  });

  it("counts characters left the GOV.UK way", () => {
    expect(characterCount("", 4000)).toEqual({ text: "You have 4,000 characters remaining", over: false });
    expect(characterCount("ā", 2)).toEqual({ text: "You have 1 character remaining", over: false });
    expect(characterCount("āāā", 2)).toEqual({ text: "You have 1 character too many", over: true });
    expect(characterCount("ā".repeat(4012))).toEqual({ text: "You have 12 characters too many", over: true });
  });
});

describe("the API's errors in the form", () => {
  it("labels every path the form has, rows numbered from 1", () => {
    const labels = fieldLabels(valid());
    expect(labels.get("schools[1].roll")).toBe("School 2 roll");
    expect(labels.get("schools[0].teacherFte")).toBe("School 1 teacher FTE");
    expect(labels.get("contact.email")).toBe("Contact email");
    expect(labels.has("schools[2].roll")).toBe(false);
  });

  it("keeps a known path, moves a deeper one to the nearest, and keeps the rest for the summary", () => {
    const placed = placeErrors([
      { field: "schools[1].roll", message: "must be a whole number" },
      { field: "proposedChallenges[1]", message: "WELLBEING is named more than once" },
      { field: "contact.fax", message: "is not a known field" },
      { field: "schools[7].roll", message: "must be between 0 and 10000" },
      { field: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters" },
    ], valid());
    expect(placed.fields).toEqual([
      { field: "schools[1].roll", message: "must be a whole number" },
      { field: "proposedChallenges", message: "proposedChallenges[1] WELLBEING is named more than once" },
      { field: "contact", message: "contact.fax is not a known field" },
      { field: "schools", message: "schools[7].roll must be between 0 and 10000" },
    ]);
    expect(placed.other).toEqual(["Idempotency-Key: must be 1 to 255 visible ASCII characters"]);
  });

  it("marks the number of each school a 409 says is claimed", () => {
    expect(claimedErrors(["9102"], valid(), "kahui-ako")).toEqual([
      { field: "schools[1].schoolNumber", message: "school 9102 is already in an active Kāhui Ako application or community" },
    ]);
    expect(claimedErrors(["4444"], valid(), "kahui-ako")).toEqual([]);
  });

  it("moves row errors up when a row is removed", () => {
    const errors = [
      { field: "schools[0].name", message: "a" },
      { field: "schools[1].roll", message: "b" },
      { field: "schools[2].roll", message: "c" },
      { field: "schools", message: "d" },
    ];
    expect(errorsWithoutRow(errors, 1)).toEqual([
      { field: "schools[0].name", message: "a" },
      { field: "schools[1].roll", message: "c" },
      { field: "schools", message: "d" },
    ]);
  });
});

describe("messages beside fields", () => {
  it("reads as a sentence about the field", () => {
    expect(besideMessage("Roll", "must be a whole number")).toBe("Roll must be a whole number");
    expect(besideMessage("Name", "is required")).toBe("Name is required");
    expect(besideMessage("Teacher FTE", "may have at most 2 decimal places")).toBe("Teacher FTE may have at most 2 decimal places");
    expect(besideMessage("School number", "school 7102 is listed more than once")).toBe("School 7102 is listed more than once");
    expect(besideMessage("Schools", "at least 2 must be state schools")).toBe("At least 2 must be state schools");
  });
});
