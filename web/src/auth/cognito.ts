import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { RuntimeConfig } from "../config";
import { clearSession, saveSession, sessionFromJwt, type Session } from "./session";

type CognitoConfig = Extract<RuntimeConfig, { mode: "cognito" }>["cognito"];

let manager: UserManager | null = null;

/** The Cognito hosted UI, authorization-code flow with PKCE (oidc-client-ts does the PKCE and the code exchange). */
function userManager(c: CognitoConfig): UserManager {
  manager ??= new UserManager({
    authority: c.authority,
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    post_logout_redirect_uri: c.logoutUri,
    response_type: "code",
    scope: "openid email profile",
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Cognito's discovery document has no end_session_endpoint: its logout is /logout on the hosted UI domain.
    metadataSeed: { end_session_endpoint: `${c.domain}/logout` },
    automaticSilentRenew: false,
  });
  return manager;
}

export async function cognitoSignIn(c: CognitoConfig, returnTo: string): Promise<void> {
  await userManager(c).signinRedirect({ state: { returnTo } });
}

/** Completes the redirect back from the hosted UI (?code=&state=), if this page load is one. */
export async function completeCognitoSignIn(c: CognitoConfig): Promise<{ session: Session; returnTo: string } | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has("code") || !params.has("state")) return null;
  const user = await userManager(c).signinRedirectCallback();
  window.history.replaceState(null, "", window.location.pathname + window.location.hash);
  // The API reads email, cognito:groups and custom:schoolNumber, which Cognito puts in the ID token only.
  if (!user.id_token) throw new Error("Cognito returned no ID token");
  const session = sessionFromJwt(user.id_token);
  saveSession(session);
  const state = user.state as { returnTo?: string } | undefined;
  return { session, returnTo: state?.returnTo ?? "#/" };
}

export async function cognitoSignOut(c: CognitoConfig): Promise<void> {
  clearSession();
  const m = userManager(c);
  await m.removeUser();
  // Cognito's /logout takes client_id and logout_uri rather than the OIDC parameters.
  window.location.assign(`${c.domain}/logout?client_id=${encodeURIComponent(c.clientId)}&logout_uri=${encodeURIComponent(c.logoutUri)}`);
}
