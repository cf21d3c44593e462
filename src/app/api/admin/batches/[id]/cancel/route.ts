import { NextResponse } from "next/server";
import { cancelBatch } from "@/server/batches/batch-control";
import { route } from "@/server/http/route";

// POST /api/admin/batches/[id]/cancel — admin: cancels the batch → { status }
export const POST = route<{ id: string }>({ admin: true }, async ({ params }) =>
  NextResponse.json(await cancelBatch(params.id)),
);
