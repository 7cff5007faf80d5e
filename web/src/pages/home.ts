import { isSchool, isStaff } from "../auth/session";
import type { PageContext } from "../ui/page";

/** `#/`: each user's own start page; the sign-in page for anyone not signed in. */
export function homePage(ctx: PageContext): void {
  if (isStaff(ctx.session)) ctx.navigate("#/staff/queue");
  else if (isSchool(ctx.session)) ctx.navigate("#/my");
  else ctx.navigate("#/sign-in");
}
