import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata: Metadata = { title: "Page not found" };

/** Any address no route matches (outside the site's layout, so it brings its own <main>). */
export default function NotFound() {
  return (
    <main className="px-4">
      <NotFoundMessage title="Page not found">There is nothing at this address.</NotFoundMessage>
    </main>
  );
}
