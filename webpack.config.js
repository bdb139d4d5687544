/**
 * Browser builds. For now: the engine alone (src/core) as a library for the task pane, built for the web with no
 * Node polyfills, so that any Node-only import in the core breaks this build. The add-in's task pane entries
 * (taskpane.html, commands, functions) join here with the add-in issue.
 */
const path = require('path');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  target: 'web',
  entry: { 'tassei-core': './src/core/index.ts' },
  output: {
    path: path.resolve(__dirname, env.outDir || 'dist/web'),
    filename: '[name].js',
    library: { name: 'TasseiCore', type: 'umd' },
    globalObject: 'globalThis',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.js'],
    // No stand-ins for Node's modules: the core must not need them.
    fallback: { fs: false, path: false, crypto: false, stream: false, buffer: false, util: false, os: false },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: 'tsconfig.core.json', transpileOnly: true }, exclude: /node_modules/ }],
  },
  performance: { hints: false },
  devtool: 'source-map',
});
