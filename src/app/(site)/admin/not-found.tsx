import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/NotFoundMessage";

export const metadata: Metadata = { title: "Page not found" };

/** An admin page that does not exist, inside the admin layout: the tabs stay. */
export default function AdminNotFound() {
  return <NotFoundMessage title="Page not found">There is no admin page at this address.</NotFoundMessage>;
}
