/** Who is signed in: the API's bearer token and the claims the pages need. Kept for the tab only (sessionStorage). */
export interface Session {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  sub: string;
  email: string;
  groups: string[];
  schoolNumber?: string;
}

const KEY = "school-collab.session";

export function isStaff(s: Session | null): boolean {
  return !!s && s.groups.includes("staff");
}

export function isSchool(s: Session | null): boolean {
  return !!s && s.groups.includes("school") && !!s.schoolNumber;
}

/** Reads a JWT's claims (no verification: the API verifies; this only decides what to show). */
export function sessionFromJwt(token: string): Session {
  const part = token.split(".")[1];
  if (!part) throw new Error("not a JWT");
  const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)));
  const claims = JSON.parse(json) as Record<string, unknown>;
  const groups = claims["cognito:groups"];
  const school = claims["custom:schoolNumber"];
  return {
    token,
    expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + 3600_000,
    sub: String(claims.sub ?? ""),
    email: String(claims.email ?? ""),
    groups: Array.isArray(groups) ? groups.map(String) : typeof groups === "string" ? groups.split(/[\s,]+/).filter(Boolean) : [],
    ...(school !== undefined && school !== null && school !== "" ? { schoolNumber: String(school) } : {}),
  };
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function currentSession(now: number = Date.now()): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s.token || s.expiresAt <= now + 10_000) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return s;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
