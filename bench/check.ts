/**
 * Benchmark: how long a check of each spec example (and a large generated strategy) takes with
 * the same services as the editor. Reports figures; it asserts nothing.
 *   npm run bench
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSsrServices } from '../language/ssr-module.js';
import { checkUris } from '../language/check.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = path.resolve(ROOT, '../shared/spec/examples');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** A strategy with `n` objectives, each with activities, costs, a benchmark and a funding line. */
export function generateStrategy(n: number): string {
    const parts = [`strategy "Generated" {\n    country "Benchland"\n    period from 2026 to 2035\n    currency USD\n    context post-conflict\n}\n`,
        'actor NSC "Council" { kind national-security-council }', 'actor Donor "Donor" { kind donor }', 'actor CSO "Forum" { kind civil-society }',
        'phase Prep "Prep" {\n    stage preparatory\n    from 2026-01 to 2026-12\n}', 'phase Main "Main" {\n    stage implementation\n    from 2027-01 to 2035-12\n}'];
    const sectors = ['policing', 'justice', 'corrections', 'defence', 'oversight', 'civil-society', 'public-finance'];
    for (let i = 0; i < n; i++) {
        parts.push(`actor A${i} "Actor ${i}" { kind police }`);
        parts.push(`objective O${i} "Objective ${i}" {\n    sector ${sectors[i % sectors.length]}\n    dimension institutional\n    level operational\n    lead A${i}\n    partners NSC, CSO\n    in Main\n${i > 0 ? `    after O${i - 1}.Train${i - 1}\n` : ''}\n    activity Assess${i} "Assess" {\n        type assessment\n        in Prep\n    }\n    activity Vet${i} "Vet" {\n        type vetting\n        from 2027-01 to 2027-06\n    }\n    activity Train${i} "Train" {\n        type training\n        from 2027-07 to 2028-12\n        after Vet${i}\n    }\n    cost capital 1.5M from 2027 to 2029\n    cost recurrent 200K per year from 2029\n}`);
        parts.push(`benchmark B${i} "Benchmark ${i}" {\n    measures O${i}\n    type outcome\n    source perception-survey\n    baseline 10% in 2026\n    target 50% by 2034\n}`);
        parts.push(`funding F${i} "Funding ${i}" {\n    from Donor\n    instrument trust-fund\n    amount 2M from 2027 to 2030\n    supports O${i}\n}`);
    }
    parts.push('fiscal {\n    revenue 900M in 2026 growing 3% per year\n    ceiling 12% of revenue\n}');
    return parts.join('\n\n') + '\n';
}

async function time(label: string, uri: URI, text: string): Promise<void> {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        const services = createSsrServices(NodeFileSystem).Ssr;
        const start = performance.now();
        await checkUris(services, [uri], new Map([[uri.toString(), text]]));
        samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    const p90 = samples[Math.floor(samples.length * 0.9)];
    console.log(`${label.padEnd(32)} ${String(text.split('\n').length).padStart(6)} lines  median ${median.toFixed(1).padStart(7)} ms  p90 ${p90.toFixed(1).padStart(7)} ms  (${RUNS} runs)`);
}

const files = fs.existsSync(EXAMPLES) ? fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.ssr')).sort() : [];
for (const file of files) {
    const full = path.join(EXAMPLES, file);
    await time(file, URI.file(full), fs.readFileSync(full, 'utf8'));
}
for (const n of [50, 200]) {
    await time(`generated (${n} objectives)`, URI.file(path.join(ROOT, `bench-generated-${n}.ssr`)), generateStrategy(n));
}
