import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata: Metadata = { title: "Page not found" };

/** A page that does not exist, inside the site's layout: the header stays, to go anywhere from. */
export default function SiteNotFound() {
  return <NotFoundMessage title="Page not found">There is nothing at this address.</NotFoundMessage>;
}
