import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";

export const metadata: Metadata = { title: "Log in" };

export default function LoginPage() {
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Admin login</h1>
      <LoginForm />
    </section>
  );
}
