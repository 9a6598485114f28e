// The HTML report in headless Chromium: it loads with no console error and
// no network request, a click on a finding brings its claims into view
// highlighted side by side, a filter hides the other findings, and a
// screenshot is written for review.
//
//   node tests/browser/report.mjs REPORT.html SCREENSHOT.png
//
// playwright-core comes from npm (`.ci/run` installs it under target/);
// the browser is Debian's chromium.
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error("usage: node report.mjs REPORT.html SCREENSHOT.png");
  process.exit(2);
}
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "claimcheck-chromium-")), {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1366, height: 900 },
});
try {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const url = pathToFileURL(resolve(report)).href;
  const requests = [];
  page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
  await page.goto(url, { waitUntil: "load" });
  check(errors.length === 0, `no console error (${errors.join("; ")})`);
  check(requests.length === 0, `no network request (${requests.join(", ")})`);

  // A finding with claims in two sources: its button shows them side by side.
  const finding = page.locator("li.finding", { has: page.locator("button.show") }).filter({ hasText: "date-mismatch" }).first();
  await finding.locator("button.show").click();
  const panes = page.locator("#compare .pane");
  const count = await panes.count();
  check(count >= 2, `side by side: ${count} panes`);
  for (let k = 0; k < count; k++) {
    const pane = panes.nth(k).locator(".scroll");
    const hit = pane.locator("mark.hit").first();
    const [box, paneBox] = [await hit.boundingBox(), await pane.boundingBox()];
    const inside = box && paneBox && box.y >= paneBox.y && box.y + box.height <= paneBox.y + paneBox.height;
    const background = await hit.evaluate((m) => getComputedStyle(m).backgroundColor);
    check(inside && background !== "rgba(0, 0, 0, 0)", `pane ${k + 1}: claim in view and highlighted (${background})`);
    const about = await panes.nth(k).locator("p.how").textContent();
    check(/\d{4}-\d{2}-\d{2}/.test(about), `pane ${k + 1}: its value beside it (${about.slice(0, 60)}…)`);
  }
  await page.screenshot({ path: screenshot, fullPage: false });

  // Text contrast of WCAG AA (4.5:1) for every kind of text on the page.
  const contrasts = await page.evaluate(() => {
    const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (e) => {
      for (; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length < 4 || c[3] > 0) { return c; }
      }
      return [255, 255, 255];
    };
    const seen = {};
    for (const sel of ["body", "h1", "h2", "h3 a", ".message", ".how", ".value", ".sev-error", ".sev-warning",
      "th", "td", "mark.claim", "mark.hit", "del", "ins", "button", "label", "figcaption"]) {
      const e = document.querySelector(sel);
      if (!e) { continue; }
      const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
      seen[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    return seen;
  });
  const low = Object.entries(contrasts).filter(([, r]) => r < 4.5);
  check(Object.keys(contrasts).length >= 12 && low.length === 0,
    `contrast >= 4.5 for ${Object.keys(contrasts).length} kinds of text (${low.map(([s, r]) => `${s} ${r.toFixed(2)}`).join(", ")})`);

  // A filter hides the findings of other rules.
  await page.selectOption("#filters select[name=rule]", "figure-mismatch");
  const shown = await page.locator("li.finding:visible").count();
  const others = await page.locator("li.finding:visible:not([data-rule=figure-mismatch])").count();
  check(shown >= 1 && others === 0, `filter by rule: ${shown} shown, ${others} of other rules`);
  // Keyboard: the buttons take the focus and show it.
  await page.selectOption("#filters select[name=rule]", "");
  await page.locator("li.finding h3 a").first().focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const e = document.activeElement;
    return `${e.tagName.toLowerCase()} ${getComputedStyle(e).outlineStyle}`;
  });
  check(!focused.endsWith("none"), `visible focus after Tab (${focused})`);
  // "j" selects the next finding from the keyboard.
  await page.keyboard.press("j");
  const selected = await page.locator("li.finding.selected").count();
  check(selected === 1, `"j" selects a finding (${selected})`);
} finally {
  await context.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
