import { notFound } from "next/navigation";

/**
 * Any address no other page matches: a 404 rendered inside the site's layout (src/app/(site)/not-found.tsx), so the
 * header and the way back show, instead of the bare root not-found.
 */
export default function MissingPage(): never {
  notFound();
}
