import type { Metadata } from "next";
import { BatchList } from "@/components/batches/BatchList";
import { requireAdminPage } from "@/server/auth/session";
import { listBatches } from "@/server/batches/batch-view";

export const metadata: Metadata = { title: "Batches" };

/** The latest bulk-generation batches, newest first, each with its progress and a link to its page. */
export default async function BatchesPage() {
  await requireAdminPage();
  const batches = await listBatches();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Batches</h1>
      <BatchList batches={batches} />
    </div>
  );
}
