import type { Metadata } from "next";
import { ReviewQueue } from "@/components/review/ReviewQueue";
import { requireAdminPage } from "@/server/auth/session";
import { reviewQueue } from "@/server/review/review-queue";

export const metadata: Metadata = { title: "Review" };

/** The drafts awaiting review, oldest plan date first: approve (scheduled for the plan moment) or reject. */
export default async function ReviewPage() {
  await requireAdminPage();
  const initial = await reviewQueue();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Review</h1>
      <ReviewQueue initial={initial} />
    </div>
  );
}
