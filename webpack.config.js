/**
 * Browser builds, two configurations:
 *
 * - the add-in (dist/addin/): the task pane (taskpane.html: React + Fluent UI, office.js from Microsoft's CDN, and
 *   the ribbon commands in the same page — a shared runtime), the demo page (demo.html: the task pane on an
 *   in-memory Excel host, no office.js, with the sample workbooks), the icons, and manifest.xml with its URLs
 *   rewritten for production;
 * - the engine alone (dist/web/tassei-core.js, library `TasseiCore`), built for the web with no Node polyfills, so
 *   that any Node-only import in the core breaks this build (test/core-browser.test.ts runs it without Node).
 *
 *   webpack --mode production                  both (npm run build)
 *   webpack --mode production --env only=core  the engine only; also only=addin, only=demo (the demo page alone),
 *                                              only=functions (the custom functions' script and functions.json alone)
 *   webpack serve --mode development           the add-in on https://localhost:3000/ (npm run dev-server)
 *   webpack serve --mode development --env only=demo --env http   the demo alone over http (scripts/start.js)
 *
 * From Node: require('./webpack.config.js')({ only: 'core', outDir }, { mode: 'development' }) is the engine's
 * configuration alone; outDir replaces the output folder of a single configuration (only=core|addin|demo|functions).
 *
 * The add-in's output is dist/addin/, not dist/ itself: dist/ also holds the command line (tsc), which a clean of the
 * whole folder would remove.
 *
 * Production URL: the manifest in the repository points at https://localhost:3000/ (urlDev); the production build
 * writes dist/addin/manifest.xml with urlProd instead, taken from TASSEI_ADDIN_URL (e.g.
 * TASSEI_ADDIN_URL=https://addins.example.lg.jp/tassei/ npm run build).
 */
const path = require('path');

const urlDev = 'https://localhost:3000/';
const urlProdPlaceholder = 'https://tassei.example.invalid/';
const devServerPort = 3000;
/** The Excel custom functions (TASSEI.*): their JSDoc is the source of functions.json. */
const functionsSource = path.resolve(__dirname, 'src/functions/functions.ts');

/** The production base URL (ends with '/'), from TASSEI_ADDIN_URL; a placeholder, with a warning, when it is not set. */
function productionUrl() {
  const value = process.env.TASSEI_ADDIN_URL;
  if (!value) return urlProdPlaceholder;
  if (!/^https:\/\/[^/]+/.test(value)) throw new Error(`TASSEI_ADDIN_URL must be an https URL, got ${value}`);
  return value.endsWith('/') ? value : `${value}/`;
}

/** Node's modules have no stand-ins in the browser: code that needs them must not reach these bundles. */
const noNodeFallbacks = { fs: false, path: false, crypto: false, stream: false, buffer: false, util: false, os: false, zlib: false };

function coreConfig(env, mode) {
  return {
    name: 'core',
    mode,
    context: __dirname,
    target: 'web',
    entry: { 'tassei-core': './src/core/index.ts' },
    output: {
      path: path.resolve(__dirname, (env.only === 'core' && env.outDir) || 'dist/web'),
      filename: '[name].js',
      library: { name: 'TasseiCore', type: 'umd' },
      globalObject: 'globalThis',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'], fallback: noNodeFallbacks },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.resolve(__dirname, 'tsconfig.core.json'), transpileOnly: true }, exclude: /node_modules/ }],
    },
    performance: { hints: false },
    devtool: 'source-map',
  };
}

function addinConfig(env, mode) {
  // Webpack is required here, not at the top: the core's configuration alone needs none of the add-in's plugins.
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  const dev = mode === 'development';
  const demoOnly = env.only === 'demo';
  const functionsOnly = env.only === 'functions';
  const urlProd = dev ? urlDev : productionUrl();
  if (!dev && !functionsOnly && urlProd === urlProdPlaceholder) {
    console.warn(`[tassei] TASSEI_ADDIN_URL is not set: dist/addin/manifest.xml points at the placeholder ${urlProdPlaceholder}`);
  }

  // The task pane's page loads several entries (the pane, the commands, the custom functions) that must share
  // one webpack runtime: a module they both import is then one instance, with one state, not one per entry.
  const taskpanePage = (file) => ({ import: file, runtime: 'runtime' });
  const entry = demoOnly
    ? { demo: './src/demo/index.tsx' }
    : functionsOnly
      ? { functions: functionsSource }
      : {
          taskpane: taskpanePage('./src/taskpane/index.tsx'),
          commands: taskpanePage('./src/commands/commands.ts'),
          // dependOn: the modules the pane already has (the engine, i18next, decimal.js) are not loaded twice.
          functions: { import: functionsSource, dependOn: 'taskpane' },
          demo: './src/demo/index.tsx',
        };
  const pages = [];
  if (!demoOnly && !functionsOnly) {
    // Shared runtime (as in the yo-office shared-runtime template): the ribbon's FunctionFile is the task pane's
    // page, so the commands are loaded there; there is no separate commands.html.
    pages.push(new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane', 'commands', 'functions'], chunksSortMode: 'manual' }));
  }
  if (!functionsOnly) pages.push(new HtmlWebpackPlugin({ filename: 'demo.html', template: './src/demo/demo.html', chunks: ['demo'] }));
  // functions.json (the metadata Excel registers the custom functions from) is generated from functions.ts's JSDoc;
  // the plugin's loader appends CustomFunctions.associate("ID", fn) for each function to that module.
  const customFunctions = [];
  if (!demoOnly) {
    const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
    customFunctions.push(new CustomFunctionsMetadataPlugin({ input: functionsSource, output: 'functions.json' }));
  }

  return {
    name: 'addin',
    mode,
    context: __dirname,
    target: 'web',
    entry,
    output: {
      path: path.resolve(__dirname, (env.only && env.only !== 'core' && env.outDir) || 'dist/addin'),
      // Initial chunks keep fixed names (the size budget in .size-limit.json names them); chunks loaded on demand
      // (ExcelJS, ...) go to async/ with a content hash.
      filename: '[name].js',
      chunkFilename: dev ? 'async/[name].js' : 'async/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: noNodeFallbacks },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          // Type checking runs in the tests (tsc --noEmit). ES modules out of TypeScript, so that webpack can
          // tree-shake Fluent UI and split at dynamic import() (CommonJS output would turn import() into require()).
          options: { configFile: path.resolve(__dirname, 'tsconfig.json'), transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // Entries are not split (a page's initial JavaScript is its entries' [name].js, plus runtime.js for the task
        // pane's page); chunks loaded on demand are.
        chunks: 'async',
        cacheGroups: {
          // ExcelJS is only imported dynamically (reading a picked file, the demo's workbooks): its own async chunk,
          // never in the task pane's initial JavaScript (scripts/size.js checks that).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20, enforce: true },
        },
      },
    },
    plugins: [
      ...pages,
      ...customFunctions,
      ...(functionsOnly ? [] : [new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // The demo page opens the sample workbooks (fetch('samples/NAME.xlsx')) and their mappings.
          { from: 'samples', to: 'samples', globOptions: { ignore: ['**/.*'] } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().replaceAll(urlDev, urlProd)),
          },
        ],
      })]),
    ],
    performance: { hints: false }, // the budget is .size-limit.json's (gzipped), checked by scripts/size.js
    devtool: 'source-map',
  };
}

/**
 * https for the dev server. office-addin-dev-certs makes a localhost certificate signed by its own CA and installs
 * that CA in the system's trust store (Windows, macOS; on Linux with sudo), so that Office and browsers trust
 * https://localhost:3000. When the install fails (Linux without sudo, containers, CI), the certificate it made is
 * still used, with a note saying how to trust its CA by hand; without any, webpack-dev-server makes a self-signed one.
 */
async function httpsServer() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (err) {
    const reason = String((err && err.message) || err).split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    const fs = require('fs');
    let files;
    try {
      files = require('office-addin-dev-certs/lib/defaults');
    } catch {
      const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
      files = { caCertificatePath: path.join(dir, 'ca.crt'), localhostCertificatePath: path.join(dir, 'localhost.crt'), localhostKeyPath: path.join(dir, 'localhost.key') };
    }
    const made = [files.caCertificatePath, files.localhostCertificatePath, files.localhostKeyPath].every((f) => fs.existsSync(f));
    console.warn(`[tassei] office-addin-dev-certs could not install its certificate authority: ${reason}`);
    if (made) {
      console.warn(
        `[tassei] Serving https with the localhost certificate it made, which nothing trusts yet (and which it makes anew\n` +
          `[tassei] on each start until its CA is installed). To install the CA on Debian/Ubuntu as root:\n` +
          `[tassei]   mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp ${files.caCertificatePath} ` +
          '/usr/local/share/ca-certificates/office-addin-dev-certs/ && update-ca-certificates',
      );
      const read = (f) => fs.readFileSync(f);
      return { type: 'https', options: { ca: read(files.caCertificatePath), cert: read(files.localhostCertificatePath), key: read(files.localhostKeyPath) } };
    }
    console.warn('[tassei] Serving https with a self-signed certificate made by webpack-dev-server: browsers and Office will warn.');
    return { type: 'https' };
  }
}

async function withDevServer(config, env) {
  return {
    ...config,
    devServer: {
      port: devServerPort,
      host: 'localhost', // this machine only: Office and the browser reach the add-in on localhost
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? { type: 'http' } : await httpsServer(),
      static: false, // everything served is webpack's output (pages, scripts, assets, manifest)
      client: { overlay: { errors: true, warnings: false } },
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  if (env.only === 'core') return coreConfig(env, mode);
  if (env.only !== undefined && env.only !== 'addin' && env.only !== 'demo' && env.only !== 'functions') {
    throw new Error(`--env only=${env.only}: expected core, addin, demo or functions`);
  }
  const addin = addinConfig(env, mode);
  // `webpack serve` (env.WEBPACK_SERVE): the add-in alone, with the dev server (a Promise: certificates are async).
  if (env.WEBPACK_SERVE) return withDevServer(addin, env);
  return env.only ? addin : [addin, coreConfig(env, mode)];
};

module.exports.urlDev = urlDev;
module.exports.devServerPort = devServerPort;
