import type { PageFn } from "./ui/page";

export type Role = "school" | "staff" | "any" | "public";

export interface Route {
  /** A hash path pattern such as `/communities/:id`. */
  pattern: string;
  page: () => Promise<PageFn>;
  /** Who may open it; others are sent to sign in (no session) or home (wrong role). */
  role: Role;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
  query: URLSearchParams;
}

/** Hash routing (`#/path?query`): a static host (S3 behind CloudFront) serves index.html for every route. */
export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, "") || "/";
  const [path = "/", query = ""] = raw.split("?", 2);
  return { path: path.startsWith("/") ? path : `/${path}`, query: new URLSearchParams(query) };
}

export function match(routes: Route[], hash: string): Match | null {
  const { path, query } = parseHash(hash);
  const parts = path.split("/").filter(Boolean);
  for (const route of routes) {
    const pattern = route.pattern.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    pattern.forEach((p, i) => {
      const part = parts[i] ?? "";
      if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(part);
      else if (p !== part) ok = false;
    });
    if (ok) return { route, params, query };
  }
  return null;
}
