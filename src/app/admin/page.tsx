import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminVideoList } from "@/components/AdminVideoList";
import { GenerateForm } from "@/components/GenerateForm";
import { LogoutButton } from "@/components/LogoutButton";
import { isAdminSession } from "@/server/auth/session";
import { getCatalogue } from "@/server/heygen/catalogue";
import { listVideos } from "@/server/videos/queries";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  if (!(await isAdminSession())) redirect("/login");
  const [catalogue, videos] = await Promise.all([getCatalogue(), listVideos({ includeUnfinished: true })]);

  return (
    <div className="space-y-10">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Generate a video</h1>
        <div className="flex items-center gap-4 text-sm text-slate-600">
          {catalogue.credits !== null && <span>{catalogue.credits.toLocaleString("en")} HeyGen credits left</span>}
          <LogoutButton />
        </div>
      </div>
      {catalogue.error && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Could not load avatars and voices from HeyGen ({catalogue.error}). You can still type their ids.
        </p>
      )}
      <GenerateForm avatars={catalogue.avatars} voices={catalogue.voices} />
      <section>
        <h2 className="text-xl font-semibold">All videos</h2>
        <AdminVideoList initialVideos={videos} />
      </section>
    </div>
  );
}
