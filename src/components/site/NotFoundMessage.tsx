import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";

/** The body of a 404 page: what was not found, and the way back to the gallery. */
export function NotFoundMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold">{title}</h1>
      <p className="mt-4 text-slate-600">{children}</p>
      <Link
        href="/"
        className={`mt-8 inline-flex rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 ${focusRing}`}
      >
        Browse all videos
      </Link>
    </section>
  );
}
