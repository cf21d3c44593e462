import "server-only";
import type { StartingPresenter } from "@/lib/presenter-draft";
import { getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { listPresenters } from "./presenters";

/** The Studio's "Start from a presenter": the active presenters, by name, each with its look when HeyGen lists it. */
export async function startingPresenters(): Promise<StartingPresenter[]> {
  // Best effort, as the pickers: HeyGen down (or no key yet) leaves the presenters without their looks' details.
  const [presenters, catalogue] = await Promise.all([listPresenters(), getCatalogue().catch(() => null)]);
  const looks = new Map(catalogue?.looks.map((look) => [look.id, look]));
  return presenters
    .filter((presenter) => presenter.active)
    .map((presenter) => ({ presenter, look: looks.get(presenter.avatarId) ?? null }));
}
