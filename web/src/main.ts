import "./styles.css";
import { html, render } from "lit-html";
import { configureApi, onSignedOut } from "./api/client";
import { clearSession, currentSession, isSchool, isStaff } from "./auth/session";
import { loadConfig, type RuntimeConfig } from "./config";
import { match } from "./router";
import { routes } from "./routes";
import { renderHeader } from "./ui/layout";
import { failure, show, type PageContext } from "./ui/page";

const root = document.getElementById("main") as HTMLElement;
let config: RuntimeConfig;
let generation = 0;

function navigate(hash: string): void {
  if (window.location.hash === hash) void route();
  else window.location.hash = hash;
}

function signOut(): void {
  if (config.mode === "cognito") {
    const cognito = config.cognito;
    // oidc-client-ts loads only in Cognito mode.
    void import("./auth/cognito").then((m) => m.cognitoSignOut(cognito));
    return;
  }
  clearSession();
  navigate("#/sign-in");
}

async function route(focus = true): Promise<void> {
  const mine = ++generation;
  const hash = window.location.hash || "#/";
  const session = currentSession();
  renderHeader(session, hash, signOut);
  const found = match(routes, hash);
  root.dataset.focusPending = focus ? "true" : "false";
  const ctx: PageContext = { params: found?.params ?? {}, query: found?.query ?? new URLSearchParams(), session, config, root, navigate, reload: () => void route(false), isCurrent: () => mine === generation };
  if (!found) {
    show(ctx, "Page not found", html`<h1>Page not found</h1><p><a href="#/">Go to your home page</a></p>`);
    return;
  }
  const role = found.route.role;
  if (role !== "public" && !session) {
    navigate(`#/sign-in?returnTo=${encodeURIComponent(hash)}`);
    return;
  }
  if ((role === "staff" && !isStaff(session)) || (role === "school" && !isSchool(session))) {
    navigate("#/");
    return;
  }
  try {
    const page = await found.route.page();
    if (mine !== generation) return;
    await page(ctx);
  } catch (e) {
    if (mine === generation) failure(ctx, e);
  }
}

async function start(): Promise<void> {
  // lit-html renders beside existing children: drop the static "Loading…" first.
  root.replaceChildren();
  try {
    config = await loadConfig();
  } catch (e) {
    render(html`<h1>Sorry, the service is not available</h1><p>${e instanceof Error ? e.message : String(e)}</p>`, root);
    return;
  }
  configureApi(config.apiBaseUrl);
  onSignedOut(() => {
    clearSession();
    navigate(`#/sign-in?returnTo=${encodeURIComponent(window.location.hash || "#/")}&expired=1`);
  });
  if (config.mode === "cognito") {
    try {
      const { completeCognitoSignIn } = await import("./auth/cognito");
      const done = await completeCognitoSignIn(config.cognito);
      if (done) window.location.hash = done.returnTo;
    } catch (e) {
      render(html`<h1>Sign-in did not complete</h1><p>${e instanceof Error ? e.message : String(e)}</p><p><a href="#/sign-in">Try again</a></p>`, root);
      return;
    }
  }
  window.addEventListener("hashchange", () => void route());
  await route(false);
}


void start();
