import { NextResponse } from "next/server";
import { updatePresenterInput } from "@/lib/presenter-input";
import { route } from "@/server/http/route";
import { deletePresenter, updatePresenter } from "@/server/presenters/presenters";

// PATCH /api/admin/presenters/[id] — admin: change any of its fields (name, tags, active, settings)
export const PATCH = route<{ id: string }, typeof updatePresenterInput>(
  { admin: true, body: updatePresenterInput },
  async ({ params, body }) => NextResponse.json(await updatePresenter(params.id, body)),
);

// DELETE /api/admin/presenters/[id] — admin: 409 while scripts of the content plan are for it
export const DELETE = route<{ id: string }>({ admin: true }, async ({ params }) =>
  NextResponse.json(await deletePresenter(params.id)),
);
