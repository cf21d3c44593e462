import type { Metadata } from "next";
import { PresenterList } from "@/components/presenters/PresenterList";
import { requireAdminPage } from "@/server/auth/session";
import { presentersPage } from "@/server/presenters/presenters-page";

export const metadata: Metadata = { title: "Presenters" };

/** Every presenter: its look, voice, format, options and tags; renamed, retagged, toggled and deleted here. */
export default async function PresentersPage() {
  await requireAdminPage();
  const { presenters, catalogueRead } = await presentersPage();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Presenters</h1>
      {!catalogueRead && presenters.length > 0 && (
        <p className="text-sm text-amber-800">
          HeyGen’s catalogue could not be read: looks and voices are shown by their ids.
        </p>
      )}
      <PresenterList initial={presenters} />
    </div>
  );
}
