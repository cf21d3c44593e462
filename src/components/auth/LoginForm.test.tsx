import { act, fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import LoginPage from "@/app/(site)/login/page";
import { api } from "../../../tests/support/dom";

afterEach(() => vi.restoreAllMocks());

/** Renders the login page as reached at /login?next=…, logs in, and says where the browser was sent. */
async function logInFrom(next: string | undefined): Promise<string> {
  api.use(http.post("/api/admin/login", () => HttpResponse.json({ ok: true })));
  const assign = vi.spyOn(window.location, "assign").mockImplementation(() => {});
  const searchParams = Promise.resolve(next === undefined ? {} : { next });
  render(await LoginPage({ searchParams } as never));
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: "admin-password" } });
  await act(async () => {
    fireEvent.submit(screen.getByRole("button", { name: "Log in" }).closest("form")!);
    await vi.runAllTimersAsync();
  });
  expect(assign).toHaveBeenCalledTimes(1);
  return String(assign.mock.calls[0]![0]);
}

describe("login from a deep link (issue 16, item 12)", () => {
  it("goes back to the page asked for, with its query", async () => {
    expect(await logInFrom("/admin/plan?month=2026-12")).toBe("/admin/plan?month=2026-12");
  });

  it("goes to the Studio when nothing was asked", async () => {
    expect(await logInFrom(undefined)).toBe("/admin");
  });

  it.each(["//evil.com", "https://evil.com", "/\\evil.com"])(
    "never leaves the site: %s goes to the Studio",
    async (next) => {
      expect(await logInFrom(next)).toBe("/admin");
    },
  );
});
