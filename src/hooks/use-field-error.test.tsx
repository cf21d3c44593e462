import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useFieldError, type FieldError } from "./use-field-error";

/**
 * A form laid out as the studio's: plain fields, "More options" with its own, and pickers sending a hidden input.
 * "Send" meets `refusal` (as a refused request would), "Edit" clears it.
 */
function StudioLikeForm({ refusal }: { refusal: FieldError }) {
  const { formRef, error, fail, clear, errorFor, moreOpen } = useFieldError();
  return (
    <form ref={formRef}>
      <label>
        Title <input name="title" />
      </label>
      {errorFor("title")}
      <fieldset data-field="avatarId">
        <legend>Look</legend>
        <input type="hidden" name="avatarId" value="look-b" />
        <input type="radio" name="look" value="look-a" aria-label="Look A" />
        <input type="radio" name="look" value="look-b" aria-label="Look B" defaultChecked />
      </fieldset>
      <fieldset data-field="voiceId">
        <legend>Voice</legend>
        <input type="hidden" name="voiceId" value="" />
        <input type="radio" name="voice" value="voice-a" aria-label="Voice A" />
        <input type="radio" name="voice" value="voice-b" aria-label="Voice B" />
      </fieldset>
      <label>
        Captions <select name="options.captions" />
      </label>
      {errorFor("options.captions")}
      <details open={moreOpen} data-testid="more-options">
        <summary>More options</summary>
        <label>
          Voice speed <input name="options.voiceSpeed" />
        </label>
        {errorFor("options.voiceSpeed")}
        <fieldset data-field="options.background">
          <legend>Background</legend>
          <input type="radio" name="background" value="none" aria-label="None" />
          <input type="radio" name="background" value="color" aria-label="Colour" defaultChecked />
        </fieldset>
        {errorFor("options.background")}
      </details>
      {error && !error.field && <p role="alert">{error.message}</p>}
      <button type="button" onClick={() => fail(refusal)}>
        Send
      </button>
      <button type="button" onClick={clear}>
        Edit
      </button>
    </form>
  );
}

function refused(refusal: FieldError) {
  render(<StudioLikeForm refusal={refusal} />);
  fireEvent.click(screen.getByRole("button", { name: "Send" }));
}
const moreOpen = () => (screen.getByTestId("more-options") as HTMLDetailsElement).open;
const focused = () => document.activeElement;

describe("useFieldError: a refusal shown beside its field, and focused there", () => {
  it("shows the message beside the field it names and focuses that field", () => {
    refused({ message: "must not be empty", field: "title" });
    expect(focused()).toBe(screen.getByLabelText("Title"));
    expect(screen.getByText("must not be empty").previousElementSibling).toBe(screen.getByText(/Title/));
    expect(screen.getAllByText("must not be empty")).toHaveLength(1);
    expect(moreOpen()).toBe(false);
  });

  it("opens More options for a field inside it, and focuses the field there", () => {
    refused({ message: "must be at most 1.5", field: "options.voiceSpeed" });
    expect(moreOpen()).toBe(true);
    expect(focused()).toBe(screen.getByLabelText("Voice speed"));
    screen.getByText("must be at most 1.5");
  });

  it("leaves More options closed for the captions, which sit outside it", () => {
    refused({ message: "must be one of sidecar, burned", field: "options.captions" });
    expect(moreOpen()).toBe(false);
    expect(focused()).toBe(screen.getByLabelText("Captions"));
  });

  it("names a nested field on the nearest field containing it, focusing the chosen option of a picker", () => {
    refused({ message: "must be a hex colour such as #FAFAFA", field: "options.background.value" });
    expect(moreOpen()).toBe(true);
    expect(focused()).toBe(screen.getByLabelText("Colour"));
    screen.getByText("must be a hex colour such as #FAFAFA");
  });

  it("focuses a picker's chosen option, never the hidden input it sends", () => {
    refused({ message: "HeyGen has no such look", field: "avatarId" });
    expect(focused()).toBe(screen.getByLabelText("Look B"));
  });

  it("focuses a picker's first option when none is chosen yet", () => {
    refused({ message: "pick a voice: this look has none of its own", field: "voiceId" });
    expect(focused()).toBe(screen.getByLabelText("Voice A"));
  });

  it("leaves a refusal without a field for the form to show, focusing nothing; clearing drops it", () => {
    refused({ message: "HeyGen is unavailable" });
    expect(screen.getByRole("alert").textContent).toBe("HeyGen is unavailable");
    expect(focused()).toBe(document.body);
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
