import type { Metadata } from "next";
import { GenerateForm } from "@/components/studio/GenerateForm";
import { heygenAccount } from "@/server/overview/heygen-account";
import { requireAdminPage } from "@/server/auth/session";
import { findLooks } from "@/server/catalogue/find-looks";
import { findVoices } from "@/server/catalogue/find-voices";
import { startingPresenters } from "@/server/presenters/starting-presenters";

export const metadata: Metadata = { title: "Studio" };

export default async function StudioPage() {
  await requireAdminPage();
  // The pickers' first pages, rendered here; when HeyGen is unreachable (or no key is set) the pickers say so.
  const [looks, voices, { account }, presenters] = await Promise.all([
    findLooks({}).catch(() => undefined),
    findVoices({}).catch(() => undefined),
    heygenAccount(),
    startingPresenters(),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Generate a video</h1>
        {account?.balance && (
          <p className="text-sm text-slate-600" data-testid="heygen-balance">
            HeyGen: {account.balance}
          </p>
        )}
      </div>
      <GenerateForm initialLooks={looks} initialVoices={voices} presenters={presenters} />
    </div>
  );
}
