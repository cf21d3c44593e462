import type { Metadata } from "next";
import Link from "next/link";
import { DemoBanner } from "@/components/site/DemoBanner";
import { isDemoMode } from "@/server/demo-mode";
import { publicOrigin } from "@/server/http/public-origin";
import { feedAlternate } from "@/server/share/share-links";

/** Every page names the site's RSS feed (a page with alternates of its own names it again: the watch page). */
export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternate(publicOrigin()) } };
}

/** Every page of the site (not the embed player): the header (and the demo's banner) and the page's width. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <nav className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Avatar Studio
          </Link>
          <Link href="/admin" className="text-sm text-slate-600 hover:text-slate-900">
            Admin
          </Link>
        </nav>
        {isDemoMode() && <DemoBanner />}
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
