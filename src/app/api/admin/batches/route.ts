import { NextResponse } from "next/server";
import { listBatches } from "@/server/batches/batch-view";
import { route } from "@/server/http/route";

// GET /api/admin/batches — admin: the 50 latest batches, newest first, with their counts, status and ETA
export const GET = route({ admin: true }, async () =>
  NextResponse.json({ batches: await listBatches() }, { headers: { "cache-control": "private, no-store" } }),
);

// POST /api/admin/batches (the bulk trigger) goes here.
