// The cold Chromium floor of one plan (issue 15): node, puppeteer, launching the browser, printing
// the plan's text as plain paged HTML, closing, in a fresh process. Plain JavaScript run by bare
// node, so nothing of kehoach's own start-up is in it. argv: browser, HTML file, PDF file,
// profile folder, then the launch flags as JSON.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, html, pdf, userDataDir, flags] = process.argv.slice(2);
const T = (l) => process.stderr.write(`KT ${Math.round(performance.now())} ${l}\n`); T("start");
const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: JSON.parse(flags), userDataDir });
T("launched"); const page = await browser.newPage(); T("page");
await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
T("loaded"); writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false }));
T("printed"); await browser.close(); T("closed");
