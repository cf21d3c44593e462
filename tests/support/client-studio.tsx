import { render } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { SWRConfig } from "swr";
import { GenerateForm } from "@/components/studio/GenerateForm";
import type { LookPage, VoicePage } from "@/lib/catalogue";
import type { StartingPresenter } from "@/lib/presenter-draft";
import { api, elapse } from "./dom";

type Studio = {
  looks: LookPage;
  voices: VoicePage;
  /** What POST /api/videos answers. */
  answer: () => Response;
  presenters?: StartingPresenter[];
};

/**
 * The Studio's form (GenerateForm) rendered with its catalogue answered and POST /api/videos answered by `answer`,
 * once hydrated (its first pages read again). Returns the bodies it sends, as they are sent.
 */
export async function renderStudio({ looks, voices, answer, presenters = [] }: Studio) {
  const sent: Record<string, unknown>[] = [];
  api.use(
    http.get("/api/admin/catalogue/looks", () => HttpResponse.json(looks)),
    http.get("/api/admin/catalogue/voices", () => HttpResponse.json(voices)),
    http.get("/api/videos", () => HttpResponse.json({ videos: [] })),
    http.post("/api/videos", async ({ request }) => {
      sent.push((await request.json()) as Record<string, unknown>);
      return answer();
    }),
  );
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <GenerateForm initialLooks={looks} initialVoices={voices} presenters={presenters} />
    </SWRConfig>,
  );
  await elapse(20);
  return sent;
}
