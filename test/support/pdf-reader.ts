/**
 * Reading a PDF the way a reader's viewer does: pdf.js (the npm package pdfjs-dist, the viewer of
 * Firefox; its legacy build) running in Chromium, served from node_modules on a made-up origin (no network). For
 * each page: its size in points, its text, its link annotations, how many paths and images it
 * draws; and page 1 drawn to a PNG.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface PdfPage { width: number; height: number; text: string; links: number; paths: number; images: number }
export interface PdfReading { title: string | undefined; pages: PdfPage[]; page1Png: Buffer }

const ORIGIN = 'http://pdfjs.test';

export async function openPdfReader(browser: Browser): Promise<(pdf: Uint8Array) => Promise<PdfReading>> {
    const require = createRequire(import.meta.url);
    // The legacy build: it carries polyfills for JavaScript newer than the npm Chromium's.
    const build = path.dirname(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
    const page: Page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.route(`${ORIGIN}/**`, route => {
        const name = new URL(route.request().url()).pathname.slice(1);
        if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><html><body style="margin:0"><canvas id="c"></canvas></body></html>' });
        const file = path.join(build, path.basename(name));
        return fs.existsSync(file) ? route.fulfill({ path: file, contentType: 'text/javascript' }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/index.html`);
    return async (pdf: Uint8Array) => {
        const result = await page.evaluate(async ({ data, origin }) => {
            type PdfJs = {
                GlobalWorkerOptions: { workerSrc: string };
                OPS: Record<string, number>;
                getDocument(src: { data: Uint8Array }): { promise: Promise<{
                    numPages: number;
                    getMetadata(): Promise<{ info: { Title?: string } }>;
                    getPage(n: number): Promise<{
                        getViewport(o: { scale: number }): { width: number; height: number };
                        getTextContent(): Promise<{ items: { str: string; hasEOL?: boolean }[] }>;
                        getAnnotations(): Promise<{ subtype: string }[]>;
                        getOperatorList(): Promise<{ fnArray: number[] }>;
                        render(o: object): { promise: Promise<void> };
                    }>;
                }> };
            };
            const pdfjs = await import(/* @vite-ignore */ `${origin}/pdf.min.mjs`) as PdfJs;
            pdfjs.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.min.mjs`;
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const doc = await pdfjs.getDocument({ data: bytes }).promise;
            const pages = [];
            const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject].filter(op => op !== undefined));
            for (let n = 1; n <= doc.numPages; n++) {
                const p = await doc.getPage(n);
                const viewport = p.getViewport({ scale: 1 });
                const text = (await p.getTextContent()).items.map(item => item.str + (item.hasEOL ? '\n' : '')).join('');
                const links = (await p.getAnnotations()).filter(a => a.subtype === 'Link').length;
                const ops = (await p.getOperatorList()).fnArray;
                pages.push({ width: viewport.width, height: viewport.height, text, links, paths: ops.filter(op => op === pdfjs.OPS.constructPath).length, images: ops.filter(op => imageOps.has(op)).length });
            }
            const first = await doc.getPage(1);
            const viewport = first.getViewport({ scale: 1.25 });
            type Canvas = { width: number; height: number; getContext(kind: '2d'): unknown };
            const canvas = (globalThis as unknown as { document: { getElementById(id: string): Canvas } }).document.getElementById('c');
            canvas.width = Math.ceil(viewport.width);
            canvas.height = Math.ceil(viewport.height);
            await first.render({ canvasContext: canvas.getContext('2d'), canvas, viewport }).promise;
            return { title: (await doc.getMetadata()).info.Title, pages, width: canvas.width, height: canvas.height };
        }, { data: Buffer.from(pdf).toString('base64'), origin: ORIGIN });
        const page1Png = await page.locator('#c').screenshot();
        return { title: result.title, pages: result.pages, page1Png };
    };
}
