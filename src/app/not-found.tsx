import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata: Metadata = { title: "Page not found" };

/** An address outside the site's pages no route matches (the site's own are caught by (site)/[...missing]): it brings its own <main>. */
export default function NotFound() {
  return (
    <main className="px-4">
      <NotFoundMessage title="Page not found">There is nothing at this address.</NotFoundMessage>
    </main>
  );
}
