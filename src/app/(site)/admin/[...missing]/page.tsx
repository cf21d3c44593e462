import { notFound } from "next/navigation";

/** An admin address no admin page matches: a 404 inside the admin layout (its session check, its tabs). */
export default function MissingAdminPage(): never {
  notFound();
}
