import type { Metadata } from "next";
import { PendingList } from "@/components/batches/PendingList";
import { requireAdminPage } from "@/server/auth/session";
import { pendingVideos } from "@/server/pending/pending-videos";

export const metadata: Metadata = { title: "Pending" };

/** Every video in flight, from batches and the studio, oldest first: the ones older than usual are flagged. */
export default async function PendingPage() {
  await requireAdminPage();
  const initial = await pendingVideos();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Pending</h1>
      <PendingList initial={initial} />
    </div>
  );
}
