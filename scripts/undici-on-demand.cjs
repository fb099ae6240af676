// What the bundles get for `undici`: the part of the toolkit's HTTP stack that only a proxy (a
// ProxyAgent, in @actions/http-client) or Octokit (fetch, in @actions/github) needs, kept out of
// them and read on first use. Bundled, undici was 60 % of dist/index.js, and compiling it and the
// modules it loads delayed every run's first `nix` call by about 45 ms, although no step of the
// action or the command makes either. tsconfig.json's `paths` sends `undici` here; `npm run
// package` bundles undici alone as dist/undici.cjs, which is required beside the bundle, by that
// name, the first time one of these names is read (bundle.test checks that the bundles read no
// other).
let undici
const real = () => (undici ??= require('./undici.cjs'))

module.exports = {
  get ProxyAgent() {
    return real().ProxyAgent
  },
  get fetch() {
    return real().fetch
  }
}
