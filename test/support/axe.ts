import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** An axe-core violation, as tests report it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs the axe-core already injected in `page` over its document: every violation, at every impact level. */
function runAxe(page: Page | Frame): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Runs axe-core in the page or frame (injected from the local package) and returns its violations. */
export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  return runAxe(page);
}

/** Only the violations a person would be blocked by. */
export const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Like {@link axeViolations}, on a page under a strict CSP (no inline script): axe is evaluated
 * through the browser's debugging protocol, which the page's CSP does not govern.
 */
export async function axeViolationsUnderCsp(page: Page | Frame): Promise<AxeViolation[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return runAxe(page);
}
