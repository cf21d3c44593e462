"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { LogoutButton } from "@/components/auth/LogoutButton";
import { focusRing } from "@/components/ui/focus-ring";

const TABS = [
  { href: "/admin", label: "Studio" },
  { href: "/admin/videos", label: "Videos" },
  { href: "/admin/presenters", label: "Presenters" },
  { href: "/admin/plan", label: "Plan" },
  { href: "/admin/batches", label: "Batches" },
  { href: "/admin/review", label: "Review" },
  { href: "/admin/pending", label: "Pending" },
  { href: "/admin/overview", label: "Overview" },
  { href: "/admin/settings", label: "Settings" },
] as const;

const isCurrent = (href: string, pathname: string) =>
  href === "/admin" ? pathname === href : pathname.startsWith(href);

/**
 * The admin area's tabs, the current one marked for screen readers too, and the ways out. Below the sm breakpoint
 * they fold into a menu behind a disclosure button naming the current tab; it closes on Escape (focus back on the
 * button) and on going to another page. Open "at" a path rather than open: moving on closes it without an effect.
 * The Review tab carries the count of drafts awaiting review, when there are any.
 */
export function AdminNav({ awaitingReview = 0 }: { awaitingReview?: number }) {
  const pathname = usePathname();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const current = TABS.find(({ href }) => isCurrent(href, pathname));
  const shown = open ? "flex" : "hidden";

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpenAt(null);
    button.current?.focus();
  }

  return (
    <nav
      aria-label="Admin"
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 border-b border-slate-200 pb-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between"
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="admin-menu"
        onClick={() => setOpenAt(open ? null : pathname)}
        className={`flex items-center justify-between rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 sm:hidden ${focusRing}`}
      >
        <span>Menu{current && <span className="text-slate-600">: {current.label}</span>}</span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      <div id="admin-menu" className={`${shown} flex-col gap-3 sm:contents`}>
        <ul className="flex flex-col gap-1 sm:flex-row sm:flex-wrap">
          {TABS.map(({ href, label }) => {
            const here = isCurrent(href, pathname);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={here ? "page" : undefined}
                  className={`block rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${here ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {label}
                  {href === "/admin/review" && awaitingReview > 0 && (
                    <span className="ml-1.5 rounded-full bg-amber-200 px-1.5 text-xs font-semibold text-amber-950">
                      {awaitingReview}
                      <span className="sr-only"> awaiting</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="flex items-center gap-4 px-3 text-sm text-slate-600 sm:px-0">
          <LogoutButton />
          <LogoutButton scope="everywhere" />
        </div>
      </div>
    </nav>
  );
}
