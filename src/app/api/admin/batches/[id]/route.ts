import { NextResponse } from "next/server";
import { getBatch } from "@/server/batches/batch-view";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

// GET /api/admin/batches/[id] — admin: one batch with every item, its counts, status and ETA (the batch page's poll)
export const GET = route<{ id: string }>({ admin: true }, async ({ params }) => {
  const batch = await getBatch(params.id);
  if (!batch) throw new AppError("not_found", "No batch with this id.");
  return NextResponse.json(batch, { headers: { "cache-control": "private, no-store" } });
});
