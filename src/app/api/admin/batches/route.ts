import { NextResponse } from "next/server";
import { batchRequest } from "@/lib/batch";
import { listBatches } from "@/server/batches/batch-view";
import { triggerBatch } from "@/server/batches/trigger-batch";
import { env } from "@/server/env";
import { route } from "@/server/http/route";

// GET /api/admin/batches — admin: the 50 latest batches, newest first, with their counts, status and ETA
export const GET = route({ admin: true }, async () =>
  NextResponse.json({ batches: await listBatches() }, { headers: { "cache-control": "private, no-store" } }),
);

// POST /api/admin/batches { month, tag?, presenterIds?, review? } — admin session, or Authorization: Bearer
// <ADMIN_API_TOKEN> (a monthly job): queues every missing video of the selection, as drafts awaiting review (review:
// true, the default) or public at their plan moments (review: false), and every missing translation of its pairs into
// their presenters' languages → 201 { batchId, queued, skipped, translations: { queued, skipped }, errors }; 200 with
// batchId null when nothing was missing.
export const POST = route(
  { admin: true, bearerToken: () => env.ADMIN_API_TOKEN, body: batchRequest },
  async ({ request, body, note }) => {
    const result = await triggerBatch(body, request.headers.has("authorization") ? "api" : "admin");
    note({
      batchId: result.batchId,
      queued: result.queued,
      skipped: result.skipped,
      translations: result.translations.queued,
    });
    return NextResponse.json(result, { status: result.batchId ? 201 : 200 });
  },
);
