/**
 * manifest.xml checked as Office checks it when it sideloads or publishes the add-in (the online validator of
 * `office-addin-manifest validate` needs the network, so its rules are kept here): well-formed XML, the elements in
 * the schema's order, a GUID id, a four-part version, every resid resolving to a resource of the right kind, https
 * URLs, icons that exist with the size their names say, string lengths, permissions, hosts, requirement sets and the
 * shared runtime. Also: the production build rewrites every URL, and the icons are the ones scripts/icons.js draws.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toNode(entry: Ordered): XmlNode | null {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name.startsWith('#')) return null;
  const raw = entry[name] as Ordered[];
  const attrs = (entry[':@'] ?? {}) as Record<string, string>;
  const children = raw.map(toNode).filter((n): n is XmlNode => n !== null);
  const text = raw
    .filter((e) => '#text' in e)
    .map((e) => String(e['#text']))
    .join('');
  return { name, attrs, children, text };
}

function parse(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as Ordered[]).map(toNode).filter((n): n is XmlNode => n !== null);
  expect(roots).toHaveLength(1);
  return roots[0]!;
}

const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);
const children = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
function only(node: XmlNode | undefined, name: string): XmlNode {
  if (!node) throw new Error(`no parent for <${name}>`);
  const found = children(node, name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}>, expected 1`);
  return found[0]!;
}
/** Every element below `node` (itself included), with the names of its ancestors. */
function walk(node: XmlNode, ancestors: string[] = []): { node: XmlNode; ancestors: string[] }[] {
  return [{ node, ancestors }, ...node.children.flatMap((c) => walk(c, [...ancestors, node.name]))];
}

const xml = readFileSync(MANIFEST, 'utf8');
const app = parse(xml);
const overrides = only(app, 'VersionOverrides');
const resources = only(overrides, 'Resources');

type ResourceKind = 'bt:Image' | 'bt:Url' | 'bt:ShortString' | 'bt:LongString';
const RESOURCE_GROUPS: Record<string, ResourceKind> = {
  'bt:Images': 'bt:Image',
  'bt:Urls': 'bt:Url',
  'bt:ShortStrings': 'bt:ShortString',
  'bt:LongStrings': 'bt:LongString',
};
const resourceList = resources.children.flatMap((group) => {
  const kind = RESOURCE_GROUPS[group.name];
  if (!kind) throw new Error(`unexpected <${group.name}> in <Resources>`);
  return group.children.map((node) => ({ kind, id: node.attrs.id ?? '', node }));
});
const resource = new Map(resourceList.map((r) => [r.id, r]));

/** The kind of resource an element with a resid must point at (Office's schema, VersionOverrides 1.0 for task panes). */
function expectedKind(name: string, ancestors: string[]): ResourceKind {
  if (name === 'bt:Image' && ancestors.at(-1) === 'Icon') return 'bt:Image';
  if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl', 'Url', 'Script', 'Page', 'Metadata'].includes(name)) return 'bt:Url';
  if (['Label', 'Title', 'Tooltip', 'Namespace'].includes(name)) return 'bt:ShortString';
  if (name === 'Description') return 'bt:LongString';
  throw new Error(`no rule for resid on <${name}> (under ${ancestors.join(' > ')})`);
}
const references = walk(overrides)
  .filter(({ node }) => node.attrs.resid !== undefined)
  .map(({ node, ancestors }) => ({ element: node.name, resid: node.attrs.resid!, kind: expectedKind(node.name, ancestors), node }));

/** Every URL the manifest holds, where it is. */
const urls = walk(app).flatMap(({ node }) => {
  const found: { where: string; url: string }[] = [];
  for (const [attr, value] of Object.entries(node.attrs)) {
    if (/^[a-z]+:\/\//i.test(value) && !attr.startsWith('xmlns')) found.push({ where: `${node.name}@${attr}`, url: value });
  }
  if (/^[a-z]+:\/\//i.test(node.text)) found.push({ where: node.name, url: node.text });
  return found;
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require('../scripts/icons.js') as {
  SIZES: number[];
  renderIcon(size: number): Buffer;
  decodePng(file: Buffer): { width: number; height: number; bitDepth: number; colorType: number; pixels: Buffer | null };
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as ((env: Record<string, unknown>, argv: Record<string, unknown>) => unknown) & {
  urlDev: string;
};

/** The file in assets/ that a manifest URL names (the dev server serves assets/ at /assets/). */
function assetFile(url: string): string {
  expect(url.startsWith(`${webpackConfig.urlDev}assets/`)).toBe(true);
  return path.join(ROOT, 'assets', url.slice(`${webpackConfig.urlDev}assets/`.length));
}

describe('manifest.xml', () => {
  test('is well-formed XML, a task pane add-in of schema 1.1', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(app.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
  });

  test('is read by office-addin-manifest, the parser that sideloading uses (strict XML: no "--" inside a comment)', () => {
    for (const comment of xml.match(/<!--[\s\S]*?-->/g) ?? []) expect(comment.slice(4, -3)).not.toContain('--');
    // In a Node of its own: the package pulls in an ES module that Jest's CommonJS runtime cannot load.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((info) => process.stdout.write(JSON.stringify(info)), (err) => { console.error(err.message); process.exit(1); })`;
    const run = spawnSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as unknown;
    expect(info).toMatchObject({
      id: only(app, 'Id').text,
      version: only(app, 'Version').text,
      officeAppType: 'TaskPaneApp',
      defaultLocale: 'ja-JP',
      displayName: 'Tassei 達成チェック',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      defaultSettings: { sourceLocation: `${webpackConfig.urlDev}taskpane.html` },
    });
  });

  test('has its elements in the order of the schema (an xs:sequence: out of order is invalid)', () => {
    const sequence = [
      'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
    ];
    const names = app.children.map((c) => c.name);
    for (const name of names) expect(sequence).toContain(name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => sequence.indexOf(a) - sequence.indexOf(b))).toEqual(names);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions']) {
      expect(names).toContain(required);
    }
  });

  test('has a GUID for its id and a four-part version that follows package.json', () => {
    const id = only(app, 'Id').text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(id).not.toBe('00000000-0000-0000-0000-000000000000');
    const version = only(app, 'Version').text;
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(`${pkg.version}.0`);
    expect(only(app, 'ProviderName').text.length).toBeGreaterThan(0);
  });

  test('is Japanese by default, with English overrides of its name and description', () => {
    expect(only(app, 'DefaultLocale').text).toBe('ja-JP');
    const displayName = only(app, 'DisplayName');
    expect(displayName.attrs.DefaultValue).toBe('Tassei 達成チェック');
    for (const element of [displayName, only(app, 'Description')]) {
      const en = children(element, 'Override').find((o) => o.attrs.Locale === 'en-US');
      expect(en?.attrs.Value).toBeTruthy();
      for (const value of [element.attrs.DefaultValue ?? '', ...children(element, 'Override').map((o) => o.attrs.Value ?? '')]) {
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(element.name === 'DisplayName' ? 125 : 250);
      }
    }
  });

  test('opens Excel workbooks, reads and writes the document, and asks for ExcelApi 1.9, the shared runtime and custom functions', () => {
    expect(children(only(app, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(only(app, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = only(only(app, 'Requirements'), 'Sets');
    const versions = Object.fromEntries(children(sets, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(versions).toEqual({ ExcelApi: '1.9', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' });
    expect(child(app, 'AppDomains')).toBeUndefined(); // the add-in navigates to no other domain
  });

  test('has version overrides of the task pane schema (1.0) for workbooks', () => {
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const hosts = children(only(overrides, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
  });

  test('resolves every resid to a defined resource of the right kind, and defines no resource it does not use', () => {
    expect(references.length).toBeGreaterThan(0);
    for (const ref of references) {
      const target = resource.get(ref.resid);
      expect({ ...ref, node: undefined, found: target?.kind }).toEqual({ ...ref, node: undefined, found: ref.kind });
    }
    const used = new Set(references.map((r) => r.resid));
    expect(resourceList.filter((r) => !used.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  test('has unique resource ids of at most 32 characters, each with a value', () => {
    const ids = resourceList.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of resourceList) {
      expect(r.id).toMatch(/^[A-Za-z0-9._-]{1,32}$/);
      expect(r.node.attrs.DefaultValue).toBeTruthy();
    }
  });

  test('keeps short strings within 125 characters and long strings within 250, in both languages', () => {
    const strings = resourceList.filter((r) => r.kind === 'bt:ShortString' || r.kind === 'bt:LongString');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      const max = s.kind === 'bt:ShortString' ? 125 : 250;
      const values = [s.node.attrs.DefaultValue ?? '', ...children(s.node, 'bt:Override').map((o) => o.attrs.Value ?? '')];
      for (const v of values) {
        expect(v.trim().length).toBeGreaterThan(0);
        expect(v.length).toBeLessThanOrEqual(max);
      }
      expect(children(s.node, 'bt:Override').map((o) => o.attrs.Locale)).toEqual(['en-US']);
    }
  });

  test('puts a 達成チェック button in a Tassei group on the Home tab that shows the task pane', () => {
    const desktop = only(only(only(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
    const point = children(desktop, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface');
    const tab = only(point, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = only(tab, 'Group');
    const text = (resid: string | undefined) => resource.get(resid ?? '')?.node.attrs.DefaultValue;
    expect(text(only(group, 'Label').attrs.resid)).toBe('Tassei');
    const button = only(group, 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(text(only(button, 'Label').attrs.resid)).toBe('達成チェック');
    expect(text(only(only(button, 'Supertip'), 'Description').attrs.resid)).toMatch(/作業ウィンドウ/);
    const action = only(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(only(action, 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
    for (const control of [group, button]) {
      expect(control.attrs.id).toMatch(/^[A-Za-z0-9._-]{1,125}$/);
      expect(children(only(control, 'Icon'), 'bt:Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
    }
  });

  test('runs in a shared runtime: the Runtime and the FunctionFile are the task pane page', () => {
    const host = only(only(overrides, 'Hosts'), 'Host');
    const runtime = only(only(host, 'Runtimes'), 'Runtime');
    expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const taskpaneUrl = resource.get('Taskpane.Url')?.node.attrs.DefaultValue;
    expect(taskpaneUrl).toBe(`${webpackConfig.urlDev}taskpane.html`);
    expect(only(only(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(taskpaneUrl);
    expect(only(only(host, 'DesktopFormFactor'), 'FunctionFile').attrs.resid).toBe('Taskpane.Url');
  });

  test('declares the custom functions TASSEI.*: script, shared-runtime page, metadata and namespace, as webpack emits them', () => {
    const desktop = only(only(only(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
    // Schema order: GetStarted, FunctionFile, then the extension points; custom functions before the ribbon.
    const names = desktop.children.map((c) => (c.name === 'ExtensionPoint' ? `ExtensionPoint:${c.attrs['xsi:type']}` : c.name));
    expect(names).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint:CustomFunctions', 'ExtensionPoint:PrimaryCommandSurface']);
    const point = desktop.children.find((c) => c.attrs['xsi:type'] === 'CustomFunctions')!;
    expect(point.children.map((c) => c.name)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    const url = (element: string) => resource.get(only(only(point, element), 'SourceLocation').attrs.resid ?? '')?.node.attrs.DefaultValue;
    expect(url('Script')).toBe(`${webpackConfig.urlDev}functions.js`);
    // Shared runtime: the functions' page is the task pane's, the same as the Runtime's.
    expect(only(only(point, 'Page'), 'SourceLocation').attrs.resid).toBe(only(only(only(only(overrides, 'Hosts'), 'Host'), 'Runtimes'), 'Runtime').attrs.resid);
    expect(url('Metadata')).toBe(`${webpackConfig.urlDev}functions.json`);
    const namespace = resource.get(only(point, 'Namespace').attrs.resid ?? '');
    expect(namespace?.kind).toBe('bt:ShortString');
    expect(namespace?.node.attrs.DefaultValue).toBe('TASSEI');
    expect(children(namespace!.node, 'bt:Override').map((o) => o.attrs.Value)).toEqual(['TASSEI']); // a namespace is not translated
    // What the URLs name is what the add-in build emits: the functions entry (functions.js, loaded by taskpane.html)
    // and the metadata plugin's output.
    const config = webpackConfig({ only: 'addin' }, { mode: 'development' }) as {
      entry: Record<string, unknown>;
      plugins: { options?: { output?: string; filename?: string; chunks?: string[] } }[];
    };
    expect(Object.keys(config.entry)).toContain('functions');
    expect(config.plugins.map((p) => p.options?.output).filter(Boolean)).toEqual(['functions.json']);
    const taskpanePage = config.plugins.find((p) => p.options?.filename === 'taskpane.html');
    expect(taskpanePage?.options?.chunks).toContain('functions');
  });

  test('uses https for every URL, all on the development server (so the production build rewrites them all)', () => {
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const { where, url } of urls) {
      expect({ where, url: new URL(url).protocol }).toEqual({ where, url: 'https:' });
      expect({ where, dev: url.startsWith(webpackConfig.urlDev) }).toEqual({ where, dev: true });
    }
  });

  test('names icons that exist in assets/ with the size their names and the manifest say', () => {
    const images = [
      { url: only(app, 'IconUrl').attrs.DefaultValue!, size: 32 },
      { url: only(app, 'HighResolutionIconUrl').attrs.DefaultValue!, size: 64 },
      ...resourceList.filter((r) => r.kind === 'bt:Image').map((r) => ({ url: r.node.attrs.DefaultValue!, size: Number(/(\d+)x\1$/.exec(r.id)?.[1]) })),
    ];
    for (const ref of references.filter((r) => r.kind === 'bt:Image')) {
      expect(resource.get(ref.resid)?.id).toBe(`Icon.${ref.node.attrs.size}x${ref.node.attrs.size}`);
    }
    for (const { url, size } of images) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      expect(path.basename(file)).toBe(`icon-${size}.png`);
      const png = icons.decodePng(readFileSync(file));
      expect({ file: path.basename(file), width: png.width, height: png.height }).toEqual({ file: path.basename(file), width: size, height: size });
    }
  });

  test('has every icon size in assets/ (16, 32, 80 ribbon, 64 high resolution, 128 store) as drawn by scripts/icons.js', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of icons.SIZES) {
      const png = icons.decodePng(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)));
      expect([png.width, png.height, png.bitDepth, png.colorType]).toEqual([size, size, 8, 6]);
      expect(png.pixels?.equals(icons.renderIcon(size))).toBe(true);
    }
  });

  test('is copied by the production build with every URL on the production site', () => {
    const saved = process.env.TASSEI_ADDIN_URL;
    process.env.TASSEI_ADDIN_URL = 'https://addins.example.com/tassei';
    try {
      const config = webpackConfig({ only: 'addin' }, { mode: 'production' }) as { plugins: { patterns?: { from: string; transform?: (c: Buffer) => string }[] }[] };
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml');
      const rewritten = pattern!.transform!(Buffer.from(xml));
      expect(rewritten).not.toContain(webpackConfig.urlDev);
      const prod = parse(rewritten);
      const prodUrls = walk(prod).flatMap(({ node }) => Object.values(node.attrs).filter((v) => /^https?:\/\//.test(v) && !v.includes('schemas.microsoft.com') && !v.includes('www.w3.org')));
      expect(prodUrls).toHaveLength(urls.length);
      for (const url of prodUrls) expect(url.startsWith('https://addins.example.com/tassei/')).toBe(true);
      expect(resourceListOf(prod).get('Taskpane.Url')).toBe('https://addins.example.com/tassei/taskpane.html');
    } finally {
      if (saved === undefined) delete process.env.TASSEI_ADDIN_URL;
      else process.env.TASSEI_ADDIN_URL = saved;
    }
  });
});

function resourceListOf(root: XmlNode): Map<string, string> {
  const urlsNode = only(only(only(root, 'VersionOverrides'), 'Resources'), 'bt:Urls');
  return new Map(urlsNode.children.map((u) => [u.attrs.id ?? '', u.attrs.DefaultValue ?? '']));
}
