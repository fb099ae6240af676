# The flake through which flakehub-push evaluates the flake it publishes, as the established
# publisher evaluates it through its "inspect" flake: purely (no --impure), so that the flake
# sees no environment, no current system and no path outside its sources.
#
# It is copied, as flake.nix, into a folder of the run with inspect.nix, show-check.nix and
# share.nix, and evaluated as
#   nix eval --raw --no-write-lock-file --override-input flake <the commit's locked URL> \
#     path:<that folder>#lib.evaluate --apply 'evaluate: evaluate { includeOutputPaths = …; }'
# or, by several evaluators side by side, through `lib.discover` and `lib.evaluatePart`.
# The input below is only a placeholder: --override-input always replaces it.
{
  inputs.flake.url = "path:/var/empty";

  outputs = { self, flake }:
  let
    # The leaves under a document node: what the job summary counts per output.
    leaves = node:
      if !(builtins.isAttrs node) then 0
      else if node ? children
      then builtins.foldl' (sum: child: sum + leaves child) 0 (builtins.attrValues node.children)
      else 1;
  in
  {
    # Two lines: the number of leaves under each output (for the job summary), then the outputs
    # document, after the all-systems check (show-check.nix) has passed.
    lib.evaluate = { includeOutputPaths ? false }:
      let
        checked = import ./show-check.nix { outputs = flake.outputs; };
        document = import ./inspect.nix { outputs = flake.outputs; inherit includeOutputPaths; };
        counts = builtins.mapAttrs (output: leaves) document.inventory;
      in
      builtins.seq checked (builtins.toJSON counts + "\n" + builtins.toJSON document);

    # Several evaluators side by side (share.nix): what there is to deal out (one line of JSON),
    # and one worker's part: the counts of its share, then its part of the document as lines.
    lib.discover = builtins.toJSON (import ./share.nix { outputs = flake.outputs; }).discovery;
    lib.evaluatePart = { includeOutputPaths ? false, share }:
      let
        part = (import ./share.nix { outputs = flake.outputs; }).part share;
        checked = import ./show-check.nix { inherit (part) outputs; };
        document = import ./inspect.nix { inherit (part) outputs; inherit includeOutputPaths; };
        counts = builtins.mapAttrs (output: leaves) document.inventory;
      in
      builtins.seq checked (builtins.toJSON counts + "\n" + part.lines document);
  };
}
