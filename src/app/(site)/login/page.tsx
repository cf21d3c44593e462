import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { RETURN_PARAM, returnPath } from "@/lib/return-path";

export const metadata: Metadata = { title: "Log in" };

/** The admin login; `?next=` names the page to go to afterwards (a path on this site, else the Studio). */
export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const asked = (await searchParams)[RETURN_PARAM];
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Admin login</h1>
      <LoginForm next={returnPath(typeof asked === "string" ? asked : null)} />
    </section>
  );
}
