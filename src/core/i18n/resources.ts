/** All message bundles, flattened to one key space per language (keys such as 'rule.value.unparseable.message'). */
import { labels } from './labels';
import { valueMessages } from './valueMessages';
import { fileErrorMessages } from './fileErrors';
import { ruleResources } from '../validate/rules';
import { cliMessages } from './cliMessages';
import { uiMessages } from './uiMessages';
import { functionMessages } from '../functions/messages';
import { batchMessages } from '../consolidate/messages';
import { detectMessages } from '../detect/messages';

type Lang = 'ja' | 'en';

function prefixed(prefix: string, bundle: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(bundle)) out[`${prefix}${k}`] = v;
  return out;
}

export function resources(lang: Lang): Record<string, string> {
  const out: Record<string, string> = { ...labels[lang], ...prefixed('value.', valueMessages[lang]), ...prefixed('file.', fileErrorMessages[lang]), ...prefixed('cli.', cliMessages[lang]), ...prefixed('ui.', uiMessages[lang]), ...prefixed('fn.', functionMessages[lang]), ...prefixed('batch.', batchMessages[lang]), ...prefixed('detect.', detectMessages[lang]) };
  for (const [id, texts] of Object.entries(ruleResources(lang))) Object.assign(out, prefixed(`rule.${id}.`, texts));
  return out;
}
