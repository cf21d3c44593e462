import { AdminNav } from "@/components/site/AdminNav";
import { requireAdminPage } from "@/server/auth/session";
import { awaitingReviewCount } from "@/server/review/review-queue";

/** Every admin page: the session check (each page checks again: layouts are not re-run on client navigation) and the tabs (with the count awaiting review: one COUNT). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  return (
    <div className="space-y-8">
      <AdminNav awaitingReview={await awaitingReviewCount()} />
      {children}
    </div>
  );
}
