import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SideScroll } from "./SideScroll";

/** happy-dom lays nothing out: the box's widths are what a phone would measure. */
function measure(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(clientWidth);
}
afterEach(() => vi.restoreAllMocks());

const edges = () => [...document.querySelectorAll("[data-edge]")].map((edge) => edge.getAttribute("data-edge"));

describe("SideScroll: a wide matrix on a phone shows that it scrolls", () => {
  it("is a focusable, labelled region; wider than the screen it says so and fades the edge with more beyond", () => {
    measure(900, 390);
    render(
      <SideScroll label="The matrix, scrolling sideways">
        <table />
      </SideScroll>,
    );
    const region = screen.getByRole("region", { name: "The matrix, scrolling sideways" });
    expect(region.tabIndex).toBe(0);
    expect(screen.getByTestId("side-scroll-hint").textContent).toBe(
      "Wider than the screen: scroll sideways for more presenters →",
    );
    expect(edges()).toEqual(["right"]);

    region.scrollLeft = 200;
    fireEvent.scroll(region);
    expect(edges()).toEqual(["left", "right"]);
    region.scrollLeft = 510;
    fireEvent.scroll(region);
    expect(edges()).toEqual(["left"]);
    expect(screen.getByTestId("side-scroll-hint").textContent).toContain("←");
  });

  it("says nothing when it fits", () => {
    measure(390, 390);
    render(
      <SideScroll label="The matrix, scrolling sideways">
        <table />
      </SideScroll>,
    );
    expect(screen.queryByTestId("side-scroll-hint")).toBeNull();
    expect(edges()).toEqual([]);
  });
});
