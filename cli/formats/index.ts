import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { gitlab } from './gitlab.js';
import { markdown } from './markdown.js';

export const FORMATS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, junit, gitlab, markdown };
