import { CopyableUrl } from "@/components/ui/CopyableUrl";

/** A signing secret, shown the one time the server returns it, with Copy. */
export function SecretOnce({ secret, url }: { secret: string; url: string }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        <strong>Copy the signing secret now: it is not shown again.</strong> The receiver at{" "}
        <span className="[overflow-wrap:anywhere]">{url}</span> verifies each delivery with it (Standard Webhooks).
      </p>
      <CopyableUrl url={secret} label="signing secret" />
    </div>
  );
}
