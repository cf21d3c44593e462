import type { Metadata } from "next";
import { GenerateForm } from "@/components/GenerateForm";
import { requireAdminPage } from "@/server/auth/session";
import { getCatalogue } from "@/server/heygen/catalogue";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireAdminPage();
  const catalogue = await getCatalogue();

  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Generate a video</h1>
        <div className="flex items-center gap-4 text-sm text-slate-600">
          {catalogue.account?.balance && <span data-testid="heygen-balance">HeyGen: {catalogue.account.balance}</span>}
        </div>
      </div>
      {catalogue.error && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          HeyGen could not be reached, so its looks and voices are not listed ({catalogue.error}). Reload in a minute,
          or type a look id and a voice id below.
        </p>
      )}
      <GenerateForm looks={catalogue.looks} voices={catalogue.voices} />
    </div>
  );
}
