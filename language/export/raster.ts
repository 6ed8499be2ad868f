/**
 * SVG to PNG without a browser: resvg compiled to WebAssembly, with the DejaVu Sans font (both
 * shipped: the bundles find `resvg.wasm` and `fonts/DejaVuSans.ttf` beside themselves in dist/,
 * the sources find them in node_modules). The Word export embeds each chart as SVG with this PNG
 * as the fallback that older word processors and converters show.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);

/** A file beside the bundle (dist/), else the one in the package it comes from. */
function asset(bundled: string, module: string): string {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), bundled);
    return fs.existsSync(beside) ? beside : require.resolve(module);
}

let ready: Promise<Uint8Array> | undefined;

/** Loads the WebAssembly module (once per process) and the font. */
function load(): Promise<Uint8Array> {
    ready ??= (async () => {
        await initWasm(fs.readFileSync(asset('resvg.wasm', '@resvg/resvg-wasm/index_bg.wasm')));
        return new Uint8Array(fs.readFileSync(asset(path.join('fonts', 'DejaVuSans.ttf'), 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    })();
    return ready;
}

/** The last charts drawn: exporting the same summary again (another paper size, another format) draws nothing twice. */
const drawn = new Map<string, Uint8Array>();

/** The SVG drawn at `scale` times its size, as PNG bytes. */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
    const key = `${scale} ${svg}`;
    const cached = drawn.get(key);
    if (cached) return cached;
    const png = await draw(svg, scale);
    drawn.set(key, png);
    if (drawn.size > 8) drawn.delete(drawn.keys().next().value as string);
    return png;
}

async function draw(svg: string, scale: number): Promise<Uint8Array> {
    const font = await load();
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { fontBuffers: [font], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
        background: '#ffffff',
    });
    try {
        const image = resvg.render();
        try {
            return image.asPng();
        } finally {
            image.free();
        }
    } finally {
        resvg.free();
    }
}
