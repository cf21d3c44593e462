import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PresenterEditor } from "@/components/presenters/PresenterEditor";
import { focusRing } from "@/components/ui/focus-ring";
import { requireAdminPage } from "@/server/auth/session";
import { findLooks } from "@/server/catalogue/find-looks";
import { findVoices } from "@/server/catalogue/find-voices";
import { getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { getPresenter } from "@/server/presenters/presenters";

export const metadata: Metadata = { title: "Change a presenter’s look and voice" };

/** One presenter's look, voice, format and options, edited with the studio's own pickers and fields. */
export default async function PresenterEditPage({ params }: PageProps<"/admin/presenters/[id]">) {
  await requireAdminPage();
  const { id } = await params;
  // The pickers' first pages and the presenter's look (its engines, its own voice): best effort, as in the studio.
  const [presenter, catalogue, looks, voices] = await Promise.all([
    getPresenter(id),
    getCatalogue().catch(() => null),
    findLooks({}).catch(() => undefined),
    findVoices({}).catch(() => undefined),
  ]);
  if (!presenter) notFound();
  const look = catalogue?.looks.find((candidate) => candidate.id === presenter.avatarId) ?? null;
  return (
    <div className="space-y-6">
      <p>
        <Link
          href="/admin/presenters"
          className={`rounded text-sm text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}
        >
          ← Presenters
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Look and voice of {presenter.name}</h1>
      <PresenterEditor presenter={presenter} look={look} initialLooks={looks} initialVoices={voices} />
    </div>
  );
}
