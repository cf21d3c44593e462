import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndpointDetail } from "@/components/outgoing-webhooks/EndpointDetail";
import { focusRing } from "@/components/ui/focus-ring";
import { requireAdminPage } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { endpointDetail } from "@/server/outgoing-webhooks/endpoints";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  const detail = await endpointDetail(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <Link href="/admin/settings" className={`text-sm text-indigo-700 underline ${focusRing}`}>
        ← Settings
      </Link>
      <EndpointDetail initial={detail} />
    </div>
  );
}
