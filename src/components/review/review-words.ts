import { formatDate } from "@/lib/format";
import type { BulkApproval, ReviewDraft } from "@/lib/review";

/** What approving one draft did, in a sentence. */
export const approvedMessage = (draft: ReviewDraft) =>
  draft.publishesAt
    ? `Approved “${draft.title}”: it publishes ${formatDate(draft.publishesAt)}.`
    : `Approved “${draft.title}”: it is public now.`;

/** What a bulk approval did: how many, and why any were skipped. */
export function bulkMessage({ approved, skipped }: BulkApproval): string {
  const done = `Approved ${approved.length} ${approved.length === 1 ? "draft" : "drafts"}.`;
  if (skipped.length === 0) return done;
  const reasons = [...new Set(skipped.map((item) => item.reason))].join(" ");
  return `${done} Skipped ${skipped.length}: ${reasons}`;
}

/** A key pressed here is text being typed (a field, an editable area): shortcuts keep out of the way. */
export function isTyping(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(target.type);
}
