/**
 * The peer: the same plan as YAML, read with js-yaml and validated with ajv against a JSON schema
 * of its structure (bench/strategy.schema.json) — what a data-file tool would do instead of a
 * language. It checks fields, terms and lexical forms only: no references, time or money.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { Ajv, type ValidateFunction } from 'ajv';

export interface PeerResult {
    readonly ms: number;
    readonly valid: boolean;
    readonly errors: string[];
}

export class YamlPeer {
    private readonly validate: ValidateFunction;

    /** Compiles the schema once, as a tool would at start-up (not part of the timed work). */
    constructor(root: string) {
        const schema = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'strategy.schema.json'), 'utf8')) as object;
        this.validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    }

    /** Parses and validates one plan, timed. */
    check(text: string): PeerResult {
        const start = performance.now();
        const data = yaml.load(text);
        const valid = this.validate(data);
        const ms = performance.now() - start;
        return { ms, valid, errors: (this.validate.errors ?? []).slice(0, 5).map(e => `${e.instancePath} ${e.message ?? ''}`) };
    }
}
