/**
 * The `flake.nix` of each benchmark flake. Every kind has `packages` derivations for each of
 * the four systems; they differ in where evaluation spends its time, which decides how much the
 * action gains from overlapping its work and how much memory two evaluators need:
 *
 * - `large`: each package's description costs `work` SHA-256 rounds and its name a quarter of
 *   that, nothing shared: `nix flake show` (names and descriptions) and the outputs document
 *   (descriptions) each pay for their own part.
 * - `shared`: every package of every system draws on one expensive package set (as flakes built
 *   on Nixpkgs do): `sharedSize` entries of `sharedWork` rounds each, held in memory and forced
 *   whole by every description (through a fingerprint of the set). Any evaluator that looks at
 *   one description pays for the whole set, in time and in memory: two evaluators pay twice.
 * - `names`: each derivation name costs `work` rounds, descriptions are cheap: the all-systems
 *   check (which forces names) dominates, the outputs document (descriptions only) is quick.
 *
 * With `trivial`, a flake with no outputs (for the package phase alone).
 */

export const SYSTEMS = ['x86_64-linux', 'aarch64-linux', 'x86_64-darwin', 'aarch64-darwin']

export const KINDS = ['large', 'shared', 'names']

/** A Nix function: a chain of `rounds` SHA-256 hashes over `salt`, each over the previous one. */
const GRIND = `grind = rounds: salt:
        builtins.foldl' (acc: i: builtins.hashString "sha256" "\${acc}/\${toString i}")
          salt (builtins.genList (i: i) rounds);`

/** The Nix text of one package: `name` and `description` are Nix string bodies. */
function packageText(name, description) {
  return `package = system: i:
        let
          id = "pkg-\${toString i}";
        in
        (derivation {
          name = "${name}";
          inherit system;
          builder = "/bin/sh";
          args = [ "-c" "echo \${id} > $out" ];
        }) // {
          meta.description = "${description}";
        };`
}

/** The `let` bindings that differ between kinds. */
function kindBindings({ kind, work, sharedSize, sharedWork }) {
  const fp = rounds => `\${builtins.substring 0 16 (grind ${rounds} "\${system}/\${id}/meta")}`
  if (kind === 'large') {
    // `nix flake show` evaluates name and description, the outputs document only the description.
    const nameWork = Math.ceil(work / 4)
    return packageText(
      `\${id}-\${builtins.substring 0 8 (grind ${nameWork} "\${system}/\${id}/name")}`,
      `Package \${toString i} for \${system}, fingerprint ${fp(work)}`
    )
  }
  if (kind === 'shared') {
    // One set for every package of every system, built once per evaluator and kept in memory
    // (each package refers to it); its fingerprint forces all of it.
    return `pkgs = builtins.listToAttrs (builtins.genList (j: {
          name = "lib-\${toString j}";
          value = rec {
            version = "1.\${toString j}";
            hash = grind ${sharedWork} "shared/\${toString j}";
            meta.description = "Library \${toString j} \${version}: \${hash} \${hash} \${hash}";
            deps = builtins.genList (k: "lib-\${toString (builtins.bitAnd (j * 7 + k) 1023)}") 3;
          };
        }) ${sharedSize});
      fingerprint = builtins.hashString "sha256" (builtins.toJSON pkgs);
      ${packageText(
        `\${id}-\${pkgs."lib-\${toString (builtins.bitAnd i 1023)}".version}`,
        `Package \${toString i} for \${system} on package set \${builtins.substring 0 16 fingerprint}, fingerprint ${fp(Math.ceil(work / 16))}`
      )}`
  }
  if (kind === 'names') {
    return packageText(
      `\${id}-\${builtins.substring 0 8 (grind ${work} "\${system}/\${id}/name")}`,
      'Package ${toString i} for ${system}'
    )
  }
  throw new RangeError(`unknown flake kind ${JSON.stringify(kind)}: expected ${KINDS.join(', ')}`)
}

/** The flake's text for the options of generateFlake (generate.mjs). */
export function flakeNix(options) {
  const { packages, seed, trivial, kind } = options
  if (trivial) {
    return `{
  description = "Generated benchmark flake (seed ${seed}) with no outputs to evaluate";
  outputs = { self }: { };
}
`
  }
  return `{
  description = "Generated benchmark flake (seed ${seed}, ${kind}): ${packages} packages for each of ${SYSTEMS.length} systems";

  outputs = { self }:
    let
      systems = [ ${SYSTEMS.map(s => JSON.stringify(s)).join(' ')} ];
      count = ${packages};
      # Costs real CPU, and differs for every salt so nothing is shared between attributes.
      ${GRIND}
      ${kindBindings(options)}
      forSystem = system:
        builtins.listToAttrs (builtins.genList
          (i: { name = "pkg-\${toString i}"; value = package system i; }) count);
    in
    {
      packages = builtins.listToAttrs
        (map (system: { name = system; value = forSystem system; }) systems);
    };
}
`
}
