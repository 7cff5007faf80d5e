import { saveSession, sessionFromJwt, type Session } from "./session";

export interface LocalUser {
  sub: string;
  email: string;
  group: "school" | "staff";
  schoolNumber?: string;
}

/** Local mode only: the runner's POST /local/tokens issues a JWT signed as Cognito's would be checked. */
export async function localSignIn(apiBaseUrl: string, user: LocalUser): Promise<Session> {
  const response = await fetch(`${apiBaseUrl}/local/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      sub: user.sub,
      email: user.email,
      groups: [user.group],
      ...(user.group === "school" ? { schoolNumber: user.schoolNumber } : {}),
      expiresInSeconds: 8 * 3600,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; detail?: string };
  if (!response.ok || !body.token) {
    throw new Error(body.detail ?? `The local token service answered HTTP ${response.status}`);
  }
  const session = sessionFromJwt(body.token);
  saveSession(session);
  return session;
}
