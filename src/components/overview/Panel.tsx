import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";

/** One card of the overview: a titled section whose figures are a list of terms and values. */
export function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={`overview-${id}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ children }: { children: React.ReactNode }) {
  return <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** Something the admin should act on, with where to do it. */
export function Warning({ children, settingsLink = false }: { children: React.ReactNode; settingsLink?: boolean }) {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {children}
      {settingsLink && (
        <>
          {" "}
          <TextLink href="/admin/settings">Open Settings</TextLink>
        </>
      )}
    </p>
  );
}

export function TextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className={`rounded-sm font-medium text-indigo-700 underline underline-offset-2 ${focusRing}`}>
      {children}
    </Link>
  );
}

/** What the page says for a figure HeyGen (or the app) has no value for. */
export function NotReported() {
  return <span className="text-slate-600">not reported</span>;
}
