# The all-systems check: what `nix flake show --all-systems --json` forces, as a value.
# Forcing the result (it is `true`) fails exactly where that command fails, so one evaluator
# can do the check and build the outputs document (inspect.nix) from the same values, instead
# of a second evaluator running `nix flake show` beside it and paying for every package again.
#
# What `nix flake show` forces, by output (its `visit` and `showDerivation`):
#   packages, checks, devShells (system -> name), formatter, defaultPackage, devShell (system):
#     the value; when it is a derivation (`type` is the string "derivation"), its `name`
#     (must be a string) and, when it has a `meta` set with a `description`, that description
#     (must be a string); when it is not a derivation, Nix 2.8 fails with "expected a
#     derivation" (newer Nix only warns: see `nonDerivationFails`).
#   apps (system -> name), defaultApp (system): the value must be a set whose `type` is "app";
#     `program` is not touched. Newer Nix also reads `meta.description` (see `appDescription`).
#   templates (name), defaultTemplate: the value's `description` must exist and be a string.
#   hydraJobs: every value down to derivations must be a set; derivations as packages.
#   nixosConfigurations, nixosModules, overlays: the output must be a set; its values are not
#     touched.
#   legacyPackages: nothing can fail (`nix flake show` ignores evaluation errors below it and
#     does not enumerate it without --legacy), so nothing is forced here.
#   any other output (lib, ...): not touched.
# Every failure carries the context "while evaluating the flake output '<path>'", which the
# action reads to name the output attribute; Nix's own message is kept as it is.
{ outputs, nixVersion ? builtins.nixVersion }:

let
  inherit (builtins) addErrorContext all attrNames compareVersions isAttrs isPath isString;

  atLeast = version: compareVersions nixVersion version >= 0;

  # Where `nix flake show` changed what makes it fail, as seen on the Nix versions the project
  # tests: a package that is not a derivation fails on 2.8 and 2.26 and only warns on 2.34; an
  # app's meta.description is read by 2.26 and 2.34, not by 2.8. The versions in between were
  # not tried: the boundaries below are guesses inside those gaps.
  nonDerivationFails = !(atLeast "2.27");
  appDescription = atLeast "2.19";

  showPath = path: builtins.concatStringsSep "." path;
  within = path: addErrorContext "while evaluating the flake output '${showPath path}'";

  # `getString` of Nix's evaluation cache: a string or a path.
  string = path: value:
    if isString value || isPath value then true
    else throw "the flake output '${showPath path}' is not a string (nix flake show fails here)";

  # `maybeGetAttr`: a set's attribute, or null for a value that is not a set or lacks it.
  maybe = value: name: if isAttrs value && value ? ${name} then value.${name} else null;

  isDerivation = path: value:
    let type = maybe value "type";
    in type != null && string (path ++ [ "type" ]) type && type == "derivation";

  # `meta.description` where there is one: it must be a string.
  description = path: value:
    let meta = maybe value "meta";
        text = maybe meta "description";
    in text == null || string (path ++ [ "meta" "description" ]) text;

  derivation = path: value:
    string (path ++ [ "name" ]) (value.name or (throw
      "attribute 'name' missing from the derivation '${showPath path}'"))
    && description path value;

  package = path: value: within path (
    if isDerivation path value then derivation path value
    else if nonDerivationFails then throw "expected a derivation (nix flake show fails here)"
    else true);

  app = path: value: within path (
    (!appDescription || description path value)
    && (if (maybe value "type") == "app" then true
        else throw "not an app definition (nix flake show fails here)"));

  template = path: value: within path (string (path ++ [ "description" ]) value.description);

  hydraJob = path: value: within path (
    if isDerivation path value then derivation path value
    else each path value hydraJob);

  # Force `value` to a set and check each of its attributes with `check`.
  each = path: value: check:
    within path (all (name: check (path ++ [ name ]) value.${name}) (attrNames value));

  perSystem = check: output: path: each path output (path': set: each path' set check);
  perSystemOne = check: output: path: each path output check;
  setOnly = output: path: within path (builtins.seq (attrNames output) true);

  checks = {
    packages = perSystem package;
    checks = perSystem package;
    devShells = perSystem package;
    apps = perSystem app;
    formatter = perSystemOne package;
    defaultPackage = perSystemOne package;
    devShell = perSystemOne package;
    defaultApp = perSystemOne app;
    templates = output: path: each path output template;
    defaultTemplate = output: path: template path output;
    hydraJobs = output: path: hydraJob path output;
    nixosConfigurations = setOnly;
    nixosModules = setOnly;
    overlays = setOnly;
  };
in
all (name: !(checks ? ${name}) || checks.${name} outputs.${name} [ name ]) (attrNames outputs)
