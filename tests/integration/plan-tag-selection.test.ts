import { describe, expect, it } from "vitest";
import { planPresenter, planScript, previewBatch } from "../support/plan";

// Issue 16, bug 5: the preview names each video a selection makes, so the panel can list them and the matrix mark them.

const MONTH = "2026-06";
describe("POST /api/admin/batches/preview: which videos a selection makes", () => {
  it("names each one; one tag covers its own scripts and those for a presenter carrying it, not another tag's", async () => {
    const anna = await planPresenter("Anna", ["morning", "news"]);
    const ben = await planPresenter("Ben", ["news"]);
    const morning = await planScript(`${MONTH}-02`, "Morning", { tag: "morning" });
    const news = await planScript(`${MONTH}-01`, "News", { tag: "news" });
    const own = await planScript(`${MONTH}-03`, "Anna's own", { presenterId: anna.id });
    const video = (planScriptId: string, date: string, title: string, who: { id: string; name: string }) => ({
      planScriptId,
      presenterId: who.id,
      date: `${MONTH}-${date}`,
      title,
      presenterName: who.name,
    });

    const byMorning = await previewBatch(MONTH, { tag: "morning" });
    expect(byMorning).toMatchObject({ missing: 2, skipped: 0, errors: [] });
    expect(byMorning.videos).toEqual([
      video(morning.id, "02", "Morning", anna),
      video(own.id, "03", "Anna's own", anna),
    ]);

    const all = await previewBatch(MONTH, {});
    expect(all.missing).toBe(4);
    expect(all.videos).toEqual([
      video(news.id, "01", "News", anna),
      video(news.id, "01", "News", ben),
      video(morning.id, "02", "Morning", anna),
      video(own.id, "03", "Anna's own", anna),
    ]);
    expect((await previewBatch(MONTH, { presenterIds: [ben.id] })).videos).toEqual([video(news.id, "01", "News", ben)]);
  });
});
