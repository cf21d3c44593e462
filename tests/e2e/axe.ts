import axe from "axe-core";
import type { Page } from "playwright-core";

export type Violation = { rule: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core in the page as it stands and returns what it finds with impact "serious" or "critical", one
 * line per rule with the elements concerned. The page's CSP allows inline scripts, so axe goes in as one.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
