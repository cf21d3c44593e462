import { NextResponse } from "next/server";
import { pauseBatch } from "@/server/batches/batch-control";
import { route } from "@/server/http/route";

// POST /api/admin/batches/[id]/pause — admin: pauses the batch → { status }
export const POST = route<{ id: string }>({ admin: true }, async ({ params }) =>
  NextResponse.json(await pauseBatch(params.id)),
);
