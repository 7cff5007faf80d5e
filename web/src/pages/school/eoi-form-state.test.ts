import { describe, expect, it } from "vitest";
import { addSchool, clearDraft, idempotencyFor, loadDraft, newForm, removeSchool, saveDraft, uuid, type FormState } from "./eoi-form-state";

function state(): FormState {
  return { form: newForm("7101"), errors: [], idempotency: null };
}

describe("the application form's state", () => {
  it("starts with the user's own school in the first of two rows", () => {
    const s = state();
    expect(s.form.schools.map((r) => r.schoolNumber)).toEqual(["7101", ""]);
    expect(new Set(s.form.schools.map((r) => r.key)).size).toBe(2);
  });

  it("adds rows with new keys up to 30, and no more", () => {
    const s = state();
    for (let i = 2; i < 30; i++) expect(addSchool(s)).toBe(i);
    expect(addSchool(s)).toBe(-1);
    expect(s.form.schools).toHaveLength(30);
    expect(new Set(s.form.schools.map((r) => r.key)).size).toBe(30);
  });

  it("removes a row, keeps the others as typed and their errors beside them, never the last row", () => {
    const s = state();
    addSchool(s);
    s.form.schools[1]!.name = "Waitohu School";
    s.form.schools[2]!.name = "Ōtaki College";
    s.errors = [{ field: "schools[1].roll", message: "is required" }, { field: "schools[2].roll", message: "must be a whole number" }];
    expect(removeSchool(s, 1)).toBe(true);
    expect(s.form.schools.map((r) => r.name)).toEqual(["", "Ōtaki College"]);
    expect(s.errors).toEqual([{ field: "schools[1].roll", message: "must be a whole number" }]);
    expect(removeSchool(s, 5)).toBe(false);
    expect(removeSchool(s, 0)).toBe(true);
    expect(removeSchool(s, 0)).toBe(false);
    expect(s.form.schools).toHaveLength(1);
  });

  it("keeps the Idempotency-Key while the body is the same, and takes a new one when it changes", () => {
    let n = 0;
    const key = () => `key-${++n}`;
    const first = idempotencyFor(null, '{"a":1}', key);
    expect(first).toEqual({ key: "key-1", body: '{"a":1}' });
    expect(idempotencyFor(first, '{"a":1}', key)).toBe(first);
    expect(idempotencyFor(first, '{"a":2}', key)).toEqual({ key: "key-2", body: '{"a":2}' });
  });

  it("makes version 4 UUIDs", () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid()).not.toBe(uuid());
  });

  it("keeps a draft per user for the tab, with its key, and forgets it once submitted", () => {
    const s = state();
    s.form.communityName = "Ōtaki Kāhui Ako";
    s.idempotency = { key: "k", body: "{}" };
    saveDraft("school-7101", s);
    expect(loadDraft("school-7102")).toBeNull();
    expect(loadDraft("school-7101")).toEqual({ form: s.form, idempotency: s.idempotency });
    clearDraft("school-7101");
    expect(loadDraft("school-7101")).toBeNull();
    sessionStorage.setItem("school-collab.eoi-draft.x", "{not json");
    expect(loadDraft("x")).toBeNull();
  });
});
