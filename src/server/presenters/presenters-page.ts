import "server-only";
import type { PresenterEntry } from "@/lib/presenter";
import { getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { listPresenters } from "./presenters";

/** Every presenter, with its look's name and picture and its voice's name when HeyGen's catalogue can be read. */
export async function presentersPage(): Promise<{ presenters: PresenterEntry[]; catalogueRead: boolean }> {
  // Best effort: HeyGen down (or no key yet) leaves the ids showing, never the page broken.
  const [presenters, catalogue] = await Promise.all([listPresenters(), getCatalogue().catch(() => null)]);
  const looks = new Map(catalogue?.looks.map((look) => [look.id, look]));
  const voices = new Map(catalogue?.voices.map((voice) => [voice.id, voice]));
  return {
    catalogueRead: catalogue !== null,
    presenters: presenters.map((presenter) => {
      const look = looks.get(presenter.avatarId);
      const voice = presenter.voiceId ? voices.get(presenter.voiceId) : look?.defaultVoice;
      return {
        ...presenter,
        lookName: look?.name ?? null,
        previewImageUrl: look?.previewImageUrl ?? null,
        voiceName: voice?.name ?? null,
      };
    }),
  };
}
