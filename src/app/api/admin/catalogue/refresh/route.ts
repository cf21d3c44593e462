import { NextResponse } from "next/server";
import { refreshCatalogue } from "@/server/catalogue/heygen-catalogue";
import { route } from "@/server/http/route";

// POST /api/admin/catalogue/refresh — admin: drop the cached catalogue; the next list asks HeyGen afresh
export const POST = route({ admin: true }, async () => {
  refreshCatalogue();
  return NextResponse.json({ ok: true });
});
