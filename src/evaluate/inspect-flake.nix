# The flake through which flakehub-push evaluates the flake it publishes, as the established
# publisher evaluates it through its "inspect" flake: purely (no --impure), so that the flake
# sees no environment, no current system and no path outside its sources.
#
# It is copied, as flake.nix, into a folder of the run with inspect.nix, show-check.nix and
# share.nix, and evaluated as
#   nix eval --raw --no-write-lock-file --override-input flake <the commit's locked URL> \
#     path:<that folder>#lib.evaluate --apply 'evaluate: evaluate { includeOutputPaths = …; }'
# or, by several evaluators side by side, through `lib.evaluateFirst` and `lib.evaluatePart`.
# The input below is only a placeholder: --override-input always replaces it.
{
  inputs.flake.url = "path:/var/empty";

  outputs = { self, flake }:
  let
    # One worker's share (share.nix): the all-systems check and the document over the outputs
    # cut to the share; the counts of its share, then its part of the document as lines.
    part = { includeOutputPaths ? false, share }:
      let
        cut = (import ./share.nix { outputs = flake.outputs; }).part share;
        checked = import ./show-check.nix { inherit (cut) outputs; };
        document = import ./inspect.nix { inherit (cut) outputs; inherit includeOutputPaths; };
        counts = builtins.mapAttrs (output: leaves) document.inventory;
      in
      builtins.seq checked (builtins.toJSON counts + "\n" + cut.lines document);

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

    # Several evaluators side by side (share.nix). Worker 0 (`evaluateFirst`) finds what there
    # is to deal out and prints the plan for at most `most` workers as a trace line on stderr
    # (`<marker>` then JSON: the marker is the run's own, which the flake cannot know), then
    # evaluates its share of it; the run starts the other workers (`evaluatePart`) as soon as it
    # reads that line. Each prints the counts of its share, then its part of the document as
    # lines (share.nix).
    # Worker 0 also prints the plan as the first line of its output, for a run that could not read
    # its stderr as it came (it then starts the others late, but still merges the same document).
    lib.evaluateFirst = { includeOutputPaths ? false, most, marker }:
      let
        plan = (import ./share.nix { outputs = flake.outputs; }).plan most;
        text = builtins.toJSON plan;
      in builtins.trace (marker + text)
        (text + "\n" + part { inherit includeOutputPaths; share = plan // { worker = 0; }; });
    lib.evaluatePart = part;
  };
}
