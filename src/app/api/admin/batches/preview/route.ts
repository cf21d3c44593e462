import { NextResponse } from "next/server";
import { batchSelection } from "@/lib/batch";
import { previewBatch } from "@/server/batches/trigger-batch";
import { route } from "@/server/http/route";

// POST /api/admin/batches/preview { month, tag?, presenterIds? } — admin: what "Generate what is missing" would make
// (count, estimated seconds and cost, pairs already live, scripts that cannot be made). Changes nothing.
export const POST = route({ admin: true, body: batchSelection }, async ({ body }) =>
  NextResponse.json(await previewBatch(body)),
);
