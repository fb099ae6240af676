# Computes the "outputs document" of a flake (protocol document, section 12):
#
#   { version = 1;
#     docs = { <output name> = <the schema's documentation text>; };
#     inventory = { <output name> = <node>; }; }
#
# where a node is either a branch, exactly { children = { <name> = <node>; }; },
# or a leaf with all five keys what, shortDescription, forSystems, derivation and
# outputs (null where unknown; derivation and outputs only with includeOutputPaths).
#
# Outputs are described by schemas following the flake-schemas convention: a schema
# is { version = 1; doc = "..."; inventory = output: <schema node>; }, where a
# schema node is { children = { ... }; } for a branch, or a leaf with optional
# attributes what, shortDescription, forSystems and derivation (a derivation value);
# other attributes (evalChecks, isFlakeCheck, ...) are ignored. The flake's own
# `schemas` output, if any, replaces the default schemas below entirely. Both go
# through the same mapping (toDocumentNode).
#
# The default schemas are exactly those of flake-schemas v0.1.4, the release the
# established publisher's inspect flake pins, with the leaves that release gives
# (protocol, section 12); the `doc` texts are this project's own.
#
# Only builtins present in Nix 2.8 are used. Nothing is wrapped in tryEval: an
# evaluation error in anything the document needs fails the whole evaluation, with
# the context "while evaluating the flake output '<path>'" naming where.
# Nothing the document does not need is forced: without includeOutputPaths no
# derivation's drvPath or outPath (nor a configuration's toplevel) is touched.
{ outputs, includeOutputPaths ? false }:

let
  inherit (builtins) addErrorContext attrNames concatStringsSep deepSeq filter listToAttrs mapAttrs sort lessThan;

  flakeOutputs = outputs;

  # --- Helpers for writing schemas -----------------------------------------------

  branch = children: { inherit children; };

  # meta.description of a derivation-like value, "" when it has none.
  metaDescription = value: value.meta.description or "";

  # A leaf for a derivation found under a system attribute.
  derivationLeaf = what: system: drv: {
    inherit what;
    forSystems = [ system ];
    shortDescription = metaDescription drv;
    derivation = drv;
  };

  # <output>.<system>.<name> = derivation.
  perSystemDerivations = what: output:
    branch (mapAttrs (system: set: branch (mapAttrs (_name: derivationLeaf what system) set)) output);

  # <output>.<name> = something that is neither system-specific nor buildable.
  systemIndependent = what: output:
    branch (mapAttrs (_name: _value: { inherit what; }) output);

  # <output>.<name> = a configuration, described by its system and its derivation.
  configurations = what: systemOf: derivationOf: output:
    branch (mapAttrs (_name: config: {
      inherit what;
      forSystems = [ (systemOf config) ];
      derivation = derivationOf config;
    }) output);

  isDerivation = value: (value.type or null) == "derivation";

  # Nested attribute sets down to derivations: every other value must be a set (as in
  # flake-schemas, where a number or a string under hydraJobs fails the evaluation).
  hydraJobsNode = set: branch (mapAttrs (_name: hydraJobsChild) set);
  hydraJobsChild = value:
    if isDerivation value then {
      what = "Hydra CI test";
      forSystems = [ value.system ];
      shortDescription = metaDescription value;
      derivation = value;
    } else hydraJobsNode value;

  # --- The default schemas ------------------------------------------------------------

  defaultSchemas = {
    packages = {
      version = 1;
      doc = ''
        The `packages` output holds the packages this flake provides, per system.
        They can be built with `nix build` and installed with `nix profile install`.
      '';
      inventory = perSystemDerivations "package";
    };

    devShells = {
      version = 1;
      doc = ''
        The `devShells` output holds development environments, per system, that can
        be entered with `nix develop`.
      '';
      inventory = perSystemDerivations "development environment";
    };

    checks = {
      version = 1;
      doc = ''
        The `checks` output holds tests, per system, that `nix flake check` builds.
      '';
      inventory = perSystemDerivations "CI test";
    };

    dockerImages = {
      version = 1;
      doc = ''
        The `dockerImages` output holds OCI (Docker) container images, per system.
      '';
      inventory = perSystemDerivations "Docker image";
    };

    formatter = {
      version = 1;
      doc = ''
        The `formatter` output holds, per system, the program that `nix fmt` runs to
        format the flake's source.
      '';
      inventory = output: branch (mapAttrs (system: derivationLeaf "package" system) output);
    };

    apps = {
      version = 1;
      doc = ''
        The `apps` output holds programs, per system, that can be run with `nix run`.
      '';
      inventory = output:
        branch (mapAttrs (system: set: branch (mapAttrs (_name: _app: {
          what = "app";
          forSystems = [ system ];
        }) set)) output);
    };

    legacyPackages = {
      version = 1;
      doc = ''
        The `legacyPackages` output holds package sets, per system, in the style of
        Nixpkgs. They are too large to enumerate, so their contents are not shown.
      '';
      inventory = _output: branch { };
    };

    hydraJobs = {
      version = 1;
      doc = ''
        The `hydraJobs` output holds the jobs that the Hydra continuous integration
        system builds: nested attribute sets down to derivations.
      '';
      inventory = output:
        assert !(isDerivation output); # The top level cannot be a derivation.
        hydraJobsNode output;
    };

    templates = {
      version = 1;
      doc = ''
        The `templates` output holds project templates that `nix flake init` and
        `nix flake new` can copy.
      '';
      inventory = output:
        branch (mapAttrs (_name: template: {
          what = "template";
          shortDescription = template.description or "";
        }) output);
    };

    schemas = {
      version = 1;
      doc = ''
        The `schemas` output holds flake schemas, which describe and document the
        outputs of a flake.
      '';
      inventory = output:
        branch (mapAttrs (name: _schema: {
          what = "flake schema";
          shortDescription = "A schema checker for the `${name}` flake output";
        }) output);
    };

    overlays = {
      version = 1;
      doc = ''
        The `overlays` output holds Nixpkgs overlays: functions that modify or extend
        a package set.
      '';
      inventory = systemIndependent "Nixpkgs overlay";
    };

    nixosModules = {
      version = 1;
      doc = ''
        The `nixosModules` output holds NixOS modules that can be imported into a
        NixOS configuration.
      '';
      inventory = systemIndependent "NixOS module";
    };

    darwinModules = {
      version = 1;
      doc = ''
        The `darwinModules` output holds nix-darwin modules that can be imported into
        a nix-darwin configuration.
      '';
      inventory = systemIndependent "nix-darwin module";
    };

    nixosConfigurations = {
      version = 1;
      doc = ''
        The `nixosConfigurations` output holds NixOS system configurations, which can
        be built and deployed with `nixos-rebuild`.
      '';
      inventory = configurations "NixOS configuration"
        (machine: machine.pkgs.stdenv.system)
        (machine: machine.config.system.build.toplevel);
    };

    homeConfigurations = {
      version = 1;
      doc = ''
        The `homeConfigurations` output holds Home Manager configurations, which can
        be activated with `home-manager switch`.
      '';
      inventory = configurations "Home Manager configuration"
        (home: home.activationPackage.system)
        (home: home.activationPackage);
    };

    darwinConfigurations = {
      version = 1;
      doc = ''
        The `darwinConfigurations` output holds nix-darwin system configurations,
        which can be built and activated with `darwin-rebuild`.
      '';
      inventory = configurations "nix-darwin configuration"
        (machine: machine.system.system)
        (machine: machine.system);
    };
  };

  # --- From schema nodes to document nodes ---------------------------------------------

  # { <output name> = <path> } of a derivation; forces only what it returns.
  outputPaths = drv:
    listToAttrs (map (name: { inherit name; value = drv.${name}.outPath; }) (drv.outputs or [ "out" ]));

  # A leaf is forced whole where it is made, so that an error in it carries its path.
  toDocumentNode = path: node:
    addErrorContext "while evaluating the flake output '${concatStringsSep "." path}'" (
      if node ? children then
        { children = mapAttrs (name: toDocumentNode (path ++ [ name ])) node.children; }
      else
        let
          drv = if includeOutputPaths then node.derivation or null else null;
          leaf = {
            what = node.what or null;
            shortDescription = node.shortDescription or null;
            forSystems = if (node.forSystems or null) == null then null else sort lessThan node.forSystems;
            derivation = if drv == null then null else drv.drvPath;
            outputs = if drv == null then null else outputPaths drv;
          };
        in
        deepSeq leaf leaf);

  schemas = flakeOutputs.schemas or defaultSchemas;

  described = filter (name: schemas ? ${name}) (attrNames flakeOutputs);

  perOutput = f: listToAttrs (map (name: { inherit name; value = f name; }) described);
in
{
  version = 1;
  docs = perOutput (name: schemas.${name}.doc or "");
  inventory = perOutput (name: toDocumentNode [ name ] (schemas.${name}.inventory flakeOutputs.${name}));
}
