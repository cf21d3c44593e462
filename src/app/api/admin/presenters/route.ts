import { NextResponse } from "next/server";
import { createPresenterInput } from "@/lib/presenter-input";
import { route } from "@/server/http/route";
import { createPresenter, listPresenters } from "@/server/presenters/presenters";

// GET /api/admin/presenters — admin: every presenter, active first, then by name
export const GET = route({ admin: true }, async () => NextResponse.json({ presenters: await listPresenters() }));

// POST /api/admin/presenters — admin: a new presenter (the studio's "Save as presenter")
export const POST = route({ admin: true, body: createPresenterInput }, async ({ body }) =>
  NextResponse.json(await createPresenter(body), { status: 201 }),
);
