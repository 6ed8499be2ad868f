/** Shared by the summary tests. */
import * as path from 'node:path';
import { URI } from 'langium';
import { checkUris } from '../language/check.js';
import { buildSummary, type PlanSummary } from '../language/summary/index.js';
import { createServices } from './helpers.js';

/** The summary of a file (or of `text` under that file's name), built with the node file system. */
export async function summaryOf(file: string, text?: string): Promise<PlanSummary> {
    const services = createServices('node');
    const uri = URI.file(file);
    const [report] = await checkUris(services, [uri], text === undefined ? undefined : new Map([[uri.toString(), text]]));
    return buildSummary(services, report.document, path.basename(file));
}

export const XSS_STRATEGY = `strategy "<img src=x onerror=alert(1)>" {
    country "</script><script>alert(1)</script>"
    period from 2026 to 2028
    currency USD
}

actor P "<b>Police</b> & <i>friends</i>" { kind police }

objective Police "<img src=x onerror=alert(2)>" {
    sector policing
    dimension institutional
    lead P
    activity A "<script>alert(3)</script>" {
        type assessment
        from 2026-01 to 2026-06
    }
    cost capital 1M from 2026 to 2027
}
`;

