import type { ReviewDraft } from "@/lib/review";

/** One draft of the queue, as ReviewQueue hands it to ReviewItem. */
export type ReviewItemProps = {
  draft: ReviewDraft;
  selected: boolean;
  /** Another action on it is under way: its buttons wait. */
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onApprove: () => void;
  onReject: () => void;
};
