import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { describedBy } from "../../../tests/support/dom";
import { LanguagePicker, type PickableLanguage } from "./LanguagePicker";

const LANGUAGES: PickableLanguage[] = [
  { name: "English", tag: "en" },
  { name: "French (France)", tag: "fr-FR" },
  { name: "Spanish (Mexico)", tag: "es-MX" },
  { name: "Spanish (Spain)", tag: "es-ES" },
  { name: "Klingon", tag: null },
];

/** The picker as a form holds it: the chosen names in state, shown back to it. */
function Picker({ initial = [], error }: { initial?: string[]; error?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <LanguagePicker
        id="languages"
        label="Languages"
        value={value}
        onChange={setValue}
        languages={LANGUAGES}
        error={error}
      />
      <output data-testid="value">{value.join("|")}</output>
    </>
  );
}

const box = () => screen.getByRole("combobox", { name: "Languages" });
const optionNames = () => screen.queryAllByRole("option").map((option) => option.textContent);
const chosen = () => screen.getByTestId("value").textContent;
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const press = (key: string) => fireEvent.keyDown(box(), { key });

describe("LanguagePicker: several of HeyGen's languages, searchable, by keyboard and mouse", () => {
  it("filters the list by name or by the start of the tag as one types", () => {
    render(<Picker />);
    expect(optionNames()).toHaveLength(5);
    type("span");
    expect(optionNames()).toEqual(["Spanish (Mexico)es-MX", "Spanish (Spain)es-ES"]);
    type("fr-");
    expect(optionNames()).toEqual(["French (France)fr-FR"]);
    type("zulu");
    expect(optionNames()).toEqual([]);
    expect(screen.getByText("No language matches “zulu”.")).toBeTruthy();
    expect(box().getAttribute("aria-expanded")).toBe("false");
  });

  it("picks with the arrow keys and Enter, the active option announced with the box, and drops it with Enter again", () => {
    render(<Picker />);
    type("span");
    expect(box().getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("option")[0]!.id);
    press("ArrowDown");
    const spain = screen.getByRole("option", { name: /Spanish \(Spain\)/ });
    expect(box().getAttribute("aria-activedescendant")).toBe(spain.id);
    press("Enter");
    expect(chosen()).toBe("Spanish (Spain)");
    expect(spain.getAttribute("aria-selected")).toBe("true");
    press("ArrowUp");
    press("Enter");
    expect(chosen()).toBe("Spanish (Spain)|Spanish (Mexico)");
    press("ArrowDown");
    press("Enter");
    expect(chosen()).toBe("Spanish (Mexico)");
  });

  it("picks with a click, shows the chosen ones as chips and removes one with its button, or the last with Backspace", () => {
    render(<Picker initial={["English"]} />);
    fireEvent.click(screen.getByRole("option", { name: /French/ }));
    fireEvent.click(screen.getByRole("option", { name: /Klingon/ }));
    expect(chosen()).toBe("English|French (France)|Klingon");
    const chips = screen.getByRole("list", { name: "Languages: chosen" });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((chip) => chip.textContent),
    ).toEqual(["English×", "French (France)×", "Klingon×"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove French (France)" }));
    expect(chosen()).toBe("English|Klingon");
    press("Backspace");
    expect(chosen()).toBe("English");
    type("e");
    press("Backspace"); // while something is typed, Backspace edits it
    expect(chosen()).toBe("English");
  });

  it("reads the field's error with the box", () => {
    render(<Picker error="HeyGen does not translate into Klingon." />);
    expect(box().getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(box())).toBe("HeyGen does not translate into Klingon.");
  });

  it("says the list is loading until it is given", () => {
    render(<LanguagePicker id="l" label="Languages" value={[]} onChange={() => {}} languages={undefined} />);
    expect(screen.getByText("Loading languages…")).toBeTruthy();
    expect(screen.queryByRole("listbox")).toBeNull();
  });
});
