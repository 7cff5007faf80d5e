import type { Route } from "./router";

/** Every page, by hash path. Pages load on demand so the sign-in page stays small. */
export const routes: Route[] = [
  { pattern: "/", role: "public", page: async () => (await import("./pages/home")).homePage },
  { pattern: "/sign-in", role: "public", page: async () => (await import("./pages/signin")).signInPage },
  // School portal
  { pattern: "/my", role: "school", page: async () => (await import("./pages/school/my")).myPage },
  { pattern: "/apply", role: "school", page: async () => (await import("./pages/school/apply")).applyPage },
  // Shared: what each sees is decided by the API (a school sees its own only) and by role for actions.
  { pattern: "/applications/:id", role: "any", page: async () => (await import("./pages/application")).applicationPage },
  { pattern: "/communities/:id", role: "any", page: async () => (await import("./pages/community")).communityPage },
  { pattern: "/notifications", role: "any", page: async () => (await import("./pages/notifications")).notificationsPage },
  // Staff console
  { pattern: "/staff/queue", role: "staff", page: async () => (await import("./pages/staff/queue")).queuePage },
  { pattern: "/staff/communities", role: "staff", page: async () => (await import("./pages/staff/communities")).communitiesPage },
  { pattern: "/staff/summary", role: "staff", page: async () => (await import("./pages/staff/summary")).summaryPage },
  { pattern: "/staff/funding", role: "staff", page: async () => (await import("./pages/staff/funding-report")).fundingReportPage },
];
