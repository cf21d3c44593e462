import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ScriptFields } from "./ScriptFields";

const targets = { presenters: [{ id: "p-1", name: "Anna" }], tags: ["morning"] };

describe("ScriptFields: the day", () => {
  it("reads the picked day as every other day of the plan does ('Tue 1 Dec'), whatever the browser's picker shows", () => {
    render(
      <form>
        <ScriptFields
          targets={targets}
          initial={{ date: "2026-12-01", title: "", script: "", target: "" }}
          outcome={null}
        />
      </form>,
    );
    const day = screen.getByLabelText("Day");
    // The readable day is the input's description: read beside it, and by a screen reader with it.
    const readable = () => document.getElementById(day.getAttribute("aria-describedby")!)?.textContent;
    expect(readable()).toBe("Tue 1 Dec");
    fireEvent.change(day, { target: { value: "2026-12-08" } });
    expect(readable()).toBe("Tue 8 Dec");
  });
});
