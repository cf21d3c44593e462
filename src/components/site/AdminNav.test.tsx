import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AdminNav } from "./AdminNav";

const navigation = vi.hoisted(() => ({ pathname: "/admin/plan" }));
vi.mock("next/navigation", () => ({
  usePathname: () => navigation.pathname,
  useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }),
}));

beforeEach(() => {
  navigation.pathname = "/admin/plan";
});

const menuButton = () => screen.getByRole("button", { name: /^Menu/ });
const menu = () => document.getElementById("admin-menu")!;

describe("AdminNav on a phone: the tabs fold into a menu (issue 16)", () => {
  it("a disclosure button names the current tab and controls the folded tabs", () => {
    render(<AdminNav />);
    expect(menuButton().textContent).toContain("Menu: Plan");
    expect(menuButton().getAttribute("aria-controls")).toBe("admin-menu");
    expect(menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(menu().className).toMatch(/(^| )hidden( |$)/);
    expect(menu().className).toContain("sm:contents"); // from sm up, the tabs are always shown
  });

  it("opens and closes by click, and Escape closes it with focus back on the button", () => {
    render(<AdminNav />);
    fireEvent.click(menuButton());
    expect(menuButton().getAttribute("aria-expanded")).toBe("true");
    expect(menu().className).not.toMatch(/(^| )hidden( |$)/);
    expect(screen.getByRole("link", { name: "Plan" }).getAttribute("aria-current")).toBe("page");

    screen.getByRole("link", { name: "Videos" }).focus();
    fireEvent.keyDown(screen.getByRole("link", { name: "Videos" }), { key: "Escape" });
    expect(menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(menuButton());
  });

  it("closes when the admin goes to another page", () => {
    const { rerender } = render(<AdminNav />);
    fireEvent.click(menuButton());
    navigation.pathname = "/admin/videos";
    rerender(<AdminNav />);
    expect(menuButton().getAttribute("aria-expanded")).toBe("false");
    expect(menuButton().textContent).toContain("Menu: Videos");
  });
});
