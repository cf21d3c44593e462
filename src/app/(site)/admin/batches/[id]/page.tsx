import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BatchDetail } from "@/components/batches/BatchDetail";
import { requireAdminPage } from "@/server/auth/session";
import { getBatch } from "@/server/batches/batch-view";

export const metadata: Metadata = { title: "Batch" };

/** One batch's progress, live: rendered with its current state, then kept current by the browser. */
export default async function BatchPage({ params }: PageProps<"/admin/batches/[id]">) {
  await requireAdminPage();
  const batch = await getBatch((await params).id);
  if (!batch) notFound();
  return <BatchDetail initial={batch} />;
}
