import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { BenchResult } from './bench-result.js';
import { median } from './median.js';
import { runRatios } from './run-ratios.ts';
import { startStaticTwin, type StaticTwin } from './static-twin.ts';
import { launchChromium } from '../support/browser.ts';
import { startBotsStack } from '../support/bots-stack.ts';
import { startPartnerSite } from '../support/partner-site.ts';
import { waitFor } from '../support/wait-for.ts';

const RUNS = 5;
const TUNNEL = 'montpellier';
/** A phone, as most people reporting would hold. */
const VIEWPORT = { width: 390, height: 844 };

/** CDP `Network.emulateNetworkConditions` parameters. */
type NetworkConditions = {
  offline: false;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
  connectionType: 'cellular4g' | 'cellular3g';
};

/**
 * The presets exactly as Chrome DevTools defines them (devtools-frontend,
 * front_end/core/sdk/NetworkManager.ts). `Slow4GConditions` (once called "Fast 3G", renamed in
 * May 2024 to match Lighthouse): 150 ms target RTT × 3.75 = 562.5 ms of request latency,
 * 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. `Slow3GConditions` (shown as "3G"), the
 * "400 ms, 400 kbit/s" preset: 400 ms target RTT × 5 = 2,000 ms, 500 kbit/s × 0.8 each way.
 */
export const THROTTLING: readonly { name: string; source: string; conditions: NetworkConditions }[] = [
  {
    name: 'Slow 4G',
    source: 'Slow4GConditions: 562.5 ms latency, 180,000 B/s down, 84,375 B/s up',
    conditions: {
      offline: false,
      latency: 150 * 3.75,
      downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
      uploadThroughput: ((750 * 1000) / 8) * 0.9,
      connectionType: 'cellular4g',
    },
  },
  {
    name: "3G (DevTools' 400 ms / 400 kbit/s preset)",
    source: 'Slow3GConditions: 400 ms target RTT × 5 = 2,000 ms latency, 50,000 B/s each way',
    conditions: {
      offline: false,
      latency: 400 * 5,
      downloadThroughput: ((500 * 1000) / 8) * 0.8,
      uploadThroughput: ((500 * 1000) / 8) * 0.8,
      connectionType: 'cellular3g',
    },
  },
];

/** What one load transferred: the document's bytes and each other response's (headers included). */
interface Transferred {
  documentBytes: number;
  /** In the order they finished loading, except the static twin's: in the order of its assets. */
  assetBytes: number[];
  /** Bytes of WebSocket messages received (the stream), counted as one more asset. */
  socketBytes: number;
}

const total = (t: Transferred) => t.documentBytes + t.assetBytes.reduce((n, b) => n + b, 0) + t.socketBytes;

/** A fresh context and page (empty cache, no stored conversation) on a network so throttled, watched through CDP. */
async function throttledPage(browser: Browser, throttle: NetworkConditions | undefined) {
  const context: BrowserContext = await browser.newContext({ locale: 'fr-FR', viewport: VIEWPORT });
  // In the Relais chat frame: the time (same clock as the page's timeOrigin) when the first bot
  // message is in the log and a frame has been painted with it.
  await context.addInitScript(() => {
    if (location.pathname !== '/widget/chat') return;
    const seen = new MutationObserver(() => {
      if (!document.querySelector('li.msg.bot')) return;
      seen.disconnect();
      requestAnimationFrame(() => {
        (globalThis as unknown as { relaisFirstBot: number }).relaisFirstBot =
          performance.timeOrigin + performance.now();
      });
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const page: Page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', throttle);
  const urls = new Map<string, string>();
  const finished: { url: string; bytes: number }[] = [];
  let socketBytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '';
    // Chromium asks for a favicon on its own; the partner page server would answer it with the page.
    if (!url.endsWith('/favicon.ico')) finished.push({ url, bytes: e.encodedDataLength });
  });
  cdp.on('Network.webSocketFrameReceived', (e) => (socketBytes += Buffer.byteLength(e.response.payloadData)));
  const transferred = (documentUrl: string): Transferred => {
    const document = finished.find((f) => f.url === documentUrl);
    if (!document) throw new Error(`the document ${documentUrl} was not seen loading`);
    const twinIndex = (url: string) => Number(/\/asset\/(\d+)\.js$/.exec(url)?.[1] ?? -1);
    return {
      documentBytes: document.bytes,
      assetBytes: finished
        .filter((f) => f !== document)
        .sort((a, b) => twinIndex(a.url) - twinIndex(b.url))
        .map((f) => f.bytes),
      socketBytes,
    };
  };
  return { context, page, transferred, urls: () => finished.map((f) => f.url) };
}

/** Navigation start to the first bot message painted in the widget's chat frame, on the partner page. */
async function widgetLoad(browser: Browser, partnerUrl: string, throttle: NetworkConditions | undefined) {
  const { context, page, transferred, urls } = await throttledPage(browser, throttle);
  try {
    // Where a "Signaler" link of the city's site brings the person: the widget in view (a frame
    // out of view is not painted, and its first message would never be seen).
    await page.goto(`${partnerUrl}#signaler`, { waitUntil: 'commit' });
    const frame = await waitFor(
      async () => page.frames().find((f) => f.url().includes('/widget/chat')),
      60_000,
      'the chat frame',
    );
    const firstBot = await waitFor(
      () => frame.evaluate(() => (globalThis as unknown as { relaisFirstBot?: number }).relaisFirstBot),
      60_000,
      'the first bot message',
    );
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const seen = urls();
    // The frame's own requests went through this page's CDP session: it was throttled too.
    if (!seen.some((u) => u.includes('/widget/chat')) || !seen.some((u) => u.includes('/tokens/generate')))
      throw new Error(`the chat frame's requests were not all seen (out-of-process frame?): ${seen.join(', ')}`);
    return { ms: firstBot - navigationStart, transferred: transferred(partnerUrl) };
  } finally {
    await context.close();
  }
}

/** Navigation start to the load event of the static twin page. */
async function twinLoad(browser: Browser, twin: StaticTwin, throttle: NetworkConditions | undefined) {
  const { context, page, transferred } = await throttledPage(browser, throttle);
  try {
    await page.goto(twin.url, { waitUntil: 'load', timeout: 60_000 });
    const ms = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation!.loadEventStart;
    });
    return { ms, transferred: transferred(twin.url) };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * What a person on a slow phone connection waits for: from the navigation to a partner's page
 * (another origin, the one-line widget embedded) to the widget's first bot message painted in its
 * Relais chat frame, in Debian's Chromium with DevTools' "Slow 4G" throttling (and its "3G", the
 * 400 ms / 400 kbit/s one); against a static
 * page of the same transferred bytes and the same number of responses (document + one static asset
 * per other response of the widget's load, the stream's messages included), to its load event,
 * under the same throttling, in the same run. Median of RUNS loads each, alternated, each in a
 * fresh browser context (empty cache, nothing kept from an earlier conversation).
 */
export default async function bench(): Promise<BenchResult[]> {
  const stack = await startBotsStack('benchfirstmsg', {
    partner: { slug: TUNNEL, name: 'Ville de Montpellier', tunnel: TUNNEL },
  });
  const partner = await startPartnerSite(stack.url, { tunnel: TUNNEL });
  let browser: Browser | undefined;
  let twin: StaticTwin | undefined;
  const widget = THROTTLING.map((): number[] => []);
  const statics = THROTTLING.map((): number[] => []);
  let unthrottled = 0;
  let target: Transferred;
  let twinBytes: Transferred;
  try {
    browser = await launchChromium();
    await widgetLoad(browser, partner.url, undefined); // warm-up
    const measured = await widgetLoad(browser, partner.url, undefined);
    target = measured.transferred; // the bytes to match
    unthrottled = measured.ms;
    const assets = [...target.assetBytes, ...(target.socketBytes ? [target.socketBytes] : [])];
    twin = await startStaticTwin(target.documentBytes, assets);
    // Calibration: the twin's own headers, taken off its bodies so that the wire bytes match.
    const first = (await twinLoad(browser, twin, undefined)).transferred;
    if (first.assetBytes.length !== assets.length) throw new Error('the static twin did not load all its assets');
    const lessHeaders = (sent: number, wanted: number) => Math.max(0, wanted - (sent - wanted));
    twin.resize(
      lessHeaders(first.documentBytes, target.documentBytes),
      assets.map((a, i) => lessHeaders(first.assetBytes[i]!, a)),
    );
    twinBytes = (await twinLoad(browser, twin, undefined)).transferred;
    for (const [p, { conditions }] of THROTTLING.entries()) {
      for (let i = 0; i < RUNS; i++) {
        widget[p]!.push((await widgetLoad(browser, partner.url, conditions)).ms);
        statics[p]!.push((await twinLoad(browser, twin, conditions)).ms);
      }
    }
  } finally {
    await browser?.close();
    await twin?.close();
    await partner.close();
    await stack.close();
  }
  return THROTTLING.map(({ name, source }, p) => {
    const value = median(widget[p]!);
    const baseline = median(statics[p]!);
    return {
      name: `time to the first bot message in the widget, Chromium, ${name}`,
      unit: 'ms',
      value,
      baseline: {
        name: `static page of the same bytes and responses, to its load event (${kb(total(twinBytes))} in ${twinBytes.assetBytes.length + 1} responses)`,
        value: baseline,
      },
      ratio: value / baseline,
      runs: RUNS,
      notes: [
        ...(p === 0
          ? [
              `partner page on another origin, one-line widget, opened at its "Signaler" heading (an iframe out of view is not painted); ${kb(total(target))} transferred up to the first bot message: ${target.assetBytes.length + 1} responses${target.socketBytes ? ` and ${target.socketBytes} B of stream (WebSocket) messages, which the static page gets as one more asset` : ''} (response headers included, uploads not counted); no CPU throttling, ${VIEWPORT.width}×${VIEWPORT.height} viewport, cache off, a fresh browser context per load; unthrottled on loopback: ${Math.round(unthrottled)} ms`,
            ]
          : []),
        `Chrome DevTools' preset (devtools-frontend front_end/core/sdk/NetworkManager.ts ${source})`,
        `ratio = widget / static (lower is better), of each run ${runRatios(widget[p]!, statics[p]!)}`,
      ].join('; '),
    };
  });
}
