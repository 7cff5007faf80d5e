import { beforeEach, describe, expect, it } from "vitest";
import { clearSession, currentSession, isSchool, isStaff, saveSession, sessionFromJwt } from "./session";

function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "RS256" })}.${b64(claims)}.sig`;
}

describe("session", () => {
  beforeEach(() => sessionStorage.clear());

  it("reads the claims the API uses, keeping Unicode in the email exactly", () => {
    const s = sessionFromJwt(jwt({ sub: "u1", email: "tumuaki@ōtaki.example.nz", "cognito:groups": ["school"], "custom:schoolNumber": "9101", exp: 2_000_000_000 }));
    expect(s).toMatchObject({ sub: "u1", email: "tumuaki@ōtaki.example.nz", groups: ["school"], schoolNumber: "9101", expiresAt: 2_000_000_000_000 });
    expect(isSchool(s)).toBe(true);
    expect(isStaff(s)).toBe(false);
  });

  it("treats a school-group user without a school number as not a school user", () => {
    const s = sessionFromJwt(jwt({ sub: "u2", email: "a@b.c", "cognito:groups": ["school"], exp: 2_000_000_000 }));
    expect(isSchool(s)).toBe(false);
  });

  it("forgets a session that has expired (or will within ten seconds)", () => {
    const s = sessionFromJwt(jwt({ sub: "u3", email: "s@x", "cognito:groups": ["staff"], exp: 1_000 }));
    saveSession(s);
    expect(currentSession(1_000_000 - 5_000)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it("keeps a live session for the tab and clears it on sign-out", () => {
    const s = sessionFromJwt(jwt({ sub: "u4", email: "s@x", "cognito:groups": ["staff"], exp: 2_000_000_000 }));
    saveSession(s);
    expect(currentSession(1_000)?.sub).toBe("u4");
    expect(isStaff(currentSession(1_000))).toBe(true);
    clearSession();
    expect(currentSession(1_000)).toBeNull();
  });
});
