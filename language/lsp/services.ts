/** What the editor features may use: Langium's LSP services and everything the layers below add. */
import type { LangiumServices } from 'langium/lsp';
import type { SsrValidationServices } from '../validation/rule-engine.js';

export type SsrLspServices = LangiumServices & SsrValidationServices;
