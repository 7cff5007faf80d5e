import type { FieldError, Schemas } from "../../api/client";

/** What the decision form holds: exactly what the user typed, kept on error. */
export interface DecisionForm {
  decision: "" | "APPROVED" | "DECLINED";
  wave: string;
  reason: string;
}

export const emptyDecisionForm = (): DecisionForm => ({ decision: "", wave: "", reason: "" });

/**
 * The form's checks before sending: only that a choice was made. Every other rule (a decline needs a reason;
 * lengths) is the API's, answered as field errors the page shows the same way.
 */
export function checkDecision(form: DecisionForm): FieldError[] {
  return form.decision ? [] : [{ field: "decision", message: "Select whether to approve or decline the application" }];
}

/**
 * The DecisionRequest. A blank wave or reason is left out (the API treats that as not given, and answers a decline
 * without a reason with a field error). The wave loses surrounding spaces: reports match waves exactly, so
 * "2014-12 " would otherwise start a wave of its own. The reason is sent as typed.
 */
export function decisionBody(form: DecisionForm): Schemas["DecisionRequest"] {
  if (!form.decision) throw new Error("no decision chosen");
  const wave = form.wave.trim();
  return {
    decision: form.decision,
    ...(wave ? { wave } : {}),
    ...(form.reason.trim() ? { reason: form.reason } : {}),
  };
}

/** Labels for the error summary, by field id. */
export function decisionLabel(id: string): string {
  return ({ decision: "Decision", wave: "Wave", reason: "Reason" } as Record<string, string>)[id] ?? id;
}
