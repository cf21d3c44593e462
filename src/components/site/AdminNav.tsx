"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LogoutButton } from "@/components/auth/LogoutButton";
import { focusRing } from "@/components/ui/focus-ring";

const TABS = [
  { href: "/admin", label: "Studio" },
  { href: "/admin/videos", label: "Videos" },
  { href: "/admin/presenters", label: "Presenters" },
  { href: "/admin/plan", label: "Plan" },
  { href: "/admin/batches", label: "Batches" },
  { href: "/admin/pending", label: "Pending" },
  { href: "/admin/overview", label: "Overview" },
  { href: "/admin/settings", label: "Settings" },
] as const;

/** The admin area's tabs, the current one marked for screen readers too, and the ways out. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Admin"
      className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3"
    >
      <ul className="flex flex-wrap gap-1">
        {TABS.map(({ href, label }) => {
          const current = href === "/admin" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="flex items-center gap-4 text-sm text-slate-600">
        <LogoutButton />
        <LogoutButton scope="everywhere" />
      </div>
    </nav>
  );
}
