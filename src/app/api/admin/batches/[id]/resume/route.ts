import { NextResponse } from "next/server";
import { resumeBatch } from "@/server/batches/batch-control";
import { route } from "@/server/http/route";

// POST /api/admin/batches/[id]/resume — admin: resumes the batch → { status }
export const POST = route<{ id: string }>({ admin: true }, async ({ params }) =>
  NextResponse.json(await resumeBatch(params.id)),
);
