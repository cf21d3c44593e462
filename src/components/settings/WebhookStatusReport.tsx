import { CopyableUrl } from "@/components/ui/CopyableUrl";
import type { WebhookStatus } from "@/lib/webhook-status";

/**
 * The webhook as src/lib/webhook-status.ts words it, the same on the overview and in Settings: what arrives, the
 * callback URL (copyable) and what it is for, and what needs doing.
 */
export function WebhookStatusReport({
  status,
  problemAction,
}: {
  status: WebhookStatus;
  problemAction?: React.ReactNode;
}) {
  return (
    <div className="space-y-2 text-sm text-slate-700" data-testid="webhook-status">
      <p>{status.deliveries}</p>
      {status.callbackUrl && <CopyableUrl url={status.callbackUrl} label="callback URL" />}
      <p className="max-w-prose">{status.address}</p>
      {status.problem && (
        <p data-testid="webhook-problem" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {status.problem}
          {problemAction && <> {problemAction}</>}
        </p>
      )}
    </div>
  );
}
