import type { Schemas } from "../../api/client";

/** An application as "My applications" lists it: the summary, and its community once approved. */
export type MyApplication = Schemas["EoiSummary"] & { communityId?: string };

/** The approved applications whose summary does not name their community: only these need their detail. */
export function communityIdsToFetch(items: readonly MyApplication[]): string[] {
  return items.filter((a) => a.status === "APPROVED" && !a.communityId).map((a) => a.id);
}

/** The next page after the ones shown, without showing an application twice. */
export function mergePage(shown: readonly MyApplication[], page: readonly MyApplication[]): MyApplication[] {
  const ids = new Set(shown.map((a) => a.id));
  return [...shown, ...page.filter((a) => !ids.has(a.id))];
}
