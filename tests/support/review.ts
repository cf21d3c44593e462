import { POST as rejectRoute } from "@/app/api/admin/videos/[id]/reject/route";
import { db } from "@/server/db";
import { completedVideo } from "./completed-video";
import { planPresenter, planScript } from "./plan";
import { adminCookie, jsonRequest } from "./requests";

/**
 * Drafts awaiting review, for the review tests. Made directly in the database until batches make drafts themselves
 * (issue 18, another part): then planDraft can go through "Generate what is missing" here, in this one place.
 */

/** A ready draft that no plan made (the Studio's "keep as draft"): approving it publishes it at once. */
export const studioDraft = (title = "A studio draft") => completedVideo({ visibility: "DRAFT", title });

/**
 * A ready draft made by a plan batch for `date` (YYYY-MM-DD): its script, a presenter (one of its own unless given),
 * a batch and the pair's live batch item, as "Generate what is missing" leaves them once the video is made.
 */
export async function planDraft(date: string, options: { title?: string; presenterName?: string } = {}) {
  const { title = `Plan ${date}`, presenterName = `Presenter ${title}` } = options;
  const presenter =
    (await db.presenter.findUnique({ where: { name: presenterName } })) ?? (await planPresenter(presenterName));
  const script = await planScript(date, title, { presenterId: presenter.id }, `The script of ${title}.`);
  const batch = await db.batch.create({ data: { month: date.slice(0, 7), requestedBy: "admin" } });
  const video = await completedVideo({
    visibility: "DRAFT",
    title,
    script: script.script,
    presenter: { connect: { id: presenter.id } },
  });
  await db.batchItem.create({
    data: {
      batchId: batch.id,
      planScriptId: script.id,
      presenterId: presenter.id,
      liveKey: `${script.id}:${presenter.id}`,
      status: "SENT",
      videoId: video.id,
    },
  });
  return { video, script, presenter };
}

/** The review queue's Reject, through its route: `{ status, body }`. */
export async function rejectDraft(id: string, body: unknown) {
  const response = await rejectRoute(
    jsonRequest(`/api/admin/videos/${id}/reject`, body, { cookie: await adminCookie() }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return { status: response.status, body: await response.json() };
}
