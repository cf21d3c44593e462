"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

type Edges = { more: boolean; left: boolean; right: boolean };
const NONE: Edges = { more: false, left: false, right: false };

/** Whether `box` is wider inside than out, and which way more of it lies; a pixel of slack for rounding. */
function edgesOf(box: HTMLElement): Edges {
  const hidden = box.scrollWidth - box.clientWidth;
  if (hidden <= 1) return NONE;
  return { more: true, left: box.scrollLeft > 1, right: box.scrollLeft < hidden - 1 };
}

/**
 * A region that scrolls sideways inside its own box (the page itself never does, on a phone), and shows that it
 * does: a hint above it and a fade on the edge with more beyond, while there is more. Focusable and labelled, so
 * that a keyboard can scroll it (WCAG 2.1.1, scrollable regions).
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>(NONE);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () =>
      setEdges((previous) => {
        const next = edgesOf(element);
        return next.more === previous.more && next.left === previous.left && next.right === previous.right
          ? previous
          : next;
      });
    measure();
    element.addEventListener("scroll", measure, { passive: true });
    window.addEventListener("resize", measure);
    // The table grows when a presenter is added or the matrix refreshes: measure again then too.
    const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    resized?.observe(element);
    if (element.firstElementChild) resized?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener("scroll", measure);
      window.removeEventListener("resize", measure);
      resized?.disconnect();
    };
  }, []);

  const fade = "pointer-events-none absolute inset-y-0 z-10 w-8 from-slate-900/15 to-transparent";
  return (
    <div className="space-y-1">
      {edges.more && (
        <p className="text-sm text-slate-700" data-testid="side-scroll-hint">
          Wider than the screen: scroll sideways for more presenters{" "}
          <span aria-hidden="true">{edges.right ? "→" : "←"}</span>
        </p>
      )}
      <div className="relative">
        <div
          ref={box}
          role="region"
          tabIndex={0}
          aria-label={label}
          className="relative overflow-x-auto rounded-md border border-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {children}
        </div>
        {edges.left && (
          <div aria-hidden="true" data-edge="left" className={`${fade} left-0 rounded-l-md bg-linear-to-r`} />
        )}
        {edges.right && (
          <div aria-hidden="true" data-edge="right" className={`${fade} right-0 rounded-r-md bg-linear-to-l`} />
        )}
      </div>
    </div>
  );
}
