import type { Metadata } from "next";
import { AccountPanel } from "@/components/overview/AccountPanel";
import { ReviewPanel } from "@/components/overview/ReviewPanel";
import { StoredMediaPanel } from "@/components/overview/StoredMediaPanel";
import { VideoFigures } from "@/components/overview/VideoFigures";
import { WebhookPanel } from "@/components/overview/WebhookPanel";
import { formatDate } from "@/lib/format";
import { getOverview } from "@/server/overview/overview";
import { requireAdminPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireAdminPage();
  const overview = await getOverview();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-600">
          As of {formatDate(overview.generatedAt)}. &ldquo;Today&rdquo; is since midnight UTC.
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <VideoFigures videos={overview.videos} />
          <ReviewPanel review={overview.review} />
          <StoredMediaPanel media={overview.media} />
        </div>
        <div className="space-y-6">
          <AccountPanel report={overview.heygen} />
          <WebhookPanel health={overview.webhooks} />
        </div>
      </div>
    </div>
  );
}
