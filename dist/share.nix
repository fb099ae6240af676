# Several evaluators side by side: which part of a flake's outputs one `nix` process evaluates.
#
# The all-systems check (show-check.nix) and the outputs document (inspect.nix) are run, unchanged,
# on `outputs` cut down to one worker's share:
#   - outputs keyed by system (packages, checks, apps, …): the systems of the worker, dealt out
#     round-robin by their position in `share.systems` (the sorted list of every system the flake
#     names: `discovery` below, which worker 0 makes and the run reads from its trace); a name
#     missing from that list goes to worker 0, so nothing is ever left out;
#   - outputs keyed by name, each entry an evaluation of its own (nixosConfigurations, hydraJobs,
#     …): the entries at positions p with (offset + p) mod workers = worker, where the offset
#     (`share.offsets.<output>`, 0 when absent) continues the dealing after the systems;
#   - everything else (templates, overlays, lib, …), and the whole flake when it brings its own
#     `schemas`: worker 0.
# Every worker keeps every output it shares, possibly empty, so worker 0's document names every
# output and its `docs` are whole. Nothing is forced by the cutting that the check or the document
# would not force first, and an output is only forced inside their error contexts: a broken flake
# fails with the same output named and the same message as one evaluation.
#
# What a worker prints (`lines`) is its part of the document as lines of tab-separated fields,
# every name and node as the text `builtins.toJSON` makes (JSON escapes every tab and newline, so
# fields never hold one), for the action to put together without parsing the nodes:
#   D <docs>                                        worker 0: the document's `docs`
#   W <output position> <output name> <node>        an output evaluated whole (worker 0)
#   S <output position> <output name>               a shared output exists (worker 0)
#   C <output position> <output name> <child position> <child name> <child node>
#                                                   one child of a shared output
# Positions are indices in `attrNames` (Nix's order, the order of `builtins.toJSON`): of the
# flake's outputs, and of the shared output's own attributes.
#
# Only builtins present in Nix 2.8.
{ outputs }:

let
  inherit (builtins) addErrorContext attrNames concatMap concatStringsSep elem elemAt filter
    foldl' genList length listToAttrs toJSON;

  bySystem = [ "packages" "checks" "devShells" "apps" "formatter" "dockerImages"
    "defaultPackage" "devShell" "defaultApp" ];
  byName = [ "nixosConfigurations" "homeConfigurations" "darwinConfigurations" "hydraJobs" ];

  ownSchemas = outputs ? schemas;
  present = names: filter (name: outputs ? ${name}) names;

  # The attribute names of the output `name`, forced as one evaluation first forces them: the
  # all-systems check inside the context naming the output; the document alone (dockerImages,
  # home and darwin configurations, which the check does not touch) outside any.
  namesOf = name:
    if elem name checked
    then addErrorContext "while evaluating the flake output '${name}'" (attrNames outputs.${name})
    else attrNames outputs.${name};
  checked = [ "packages" "checks" "devShells" "apps" "formatter" "defaultPackage" "devShell"
    "defaultApp" "nixosConfigurations" "hydraJobs" ];

  # { <name> = <its position>; } for a list of names.
  positions = names: listToAttrs (genList (i: { name = elemAt names i; value = i; }) (length names));

  # The outputs that are dealt out, and how (null: worker 0 takes it whole).
  kindOf = name:
    if ownSchemas then null
    else if elem name bySystem then "system"
    else if elem name byName then "name"
    else null;
in
rec {
  # What the run needs to deal the work out: every system named under an output keyed by system
  # (sorted), how many entries each output keyed by name has, and whether the flake brings its own
  # schemas (then one evaluator does everything). Each output is forced to a set with
  # `attrNames` (see `namesOf`): an output that is not a set fails here as one evaluation fails,
  # with the same output named (or none) and the same message.
  discovery = {
    schemas = ownSchemas;
    systems = if ownSchemas then [ ]
      else attrNames (listToAttrs (concatMap
        (name: map (system: { name = system; value = null; }) (namesOf name))
        (present bySystem)));
    named = if ownSchemas then { }
      else listToAttrs (map (name: { inherit name; value = length (namesOf name); })
        (present byName));
  };

  # The deal for at most `most` workers, as the run makes it (src/evaluate/share.ts,
  # dealShares): one worker per system and named entry at most; the named entries continue the
  # round after the systems, output after output. Worker 0 evaluates its share of this plan at
  # once; the run starts the others when it has read the plan.
  plan = most:
    let
      inherit (discovery) named schemas systems;
      units = foldl' (sum: name: sum + named.${name}) (length systems) (attrNames named);
      fewest = if most < units then most else units;
      deal = foldl' (deal: name: {
        next = deal.next + named.${name};
        offsets = deal.offsets // { ${name} = deal.next; };
      }) { next = length systems; offsets = { }; } (attrNames named);
    in
    discovery // {
      workers = if schemas || fewest < 1 then 1 else fewest;
      inherit (deal) offsets;
    };

  # share = { worker; workers; systems; offsets; }: worker is 0 … workers - 1.
  part = share:
    let
      inherit (share) worker workers;
      mine = position: position - (position / workers) * workers == worker;
      systemPositions = positions share.systems;
      ownsSystem = name:
        if systemPositions ? ${name} then mine systemPositions.${name} else worker == 0;

      # `value` (forced only when the check or the document forces it) cut to the names kept.
      keepNames = keep: value: removeAttrs value (filter (name: !(keep name)) (attrNames value));
      keepPositions = offset: value:
        let names = attrNames value;
        in removeAttrs value (filter (name: name != null)
          (genList (i: if mine (offset + i) then null else elemAt names i) (length names)));

      cut = name: value:
        let kind = kindOf name;
        in if kind == "system" then [ { inherit name; value = keepNames ownsSystem value; } ]
        else if kind == "name" then
          [ { inherit name; value = keepPositions (share.offsets.${name} or 0) value; } ]
        else if worker == 0 then [ { inherit name; inherit value; } ]
        else [ ];

      outputPositions = positions (attrNames outputs);

      lines = document:
        let
          inventory = document.inventory;
          line = fields: concatStringsSep "\t" fields + "\n";
          outputLines = name:
            let
              node = inventory.${name};
              head = [ (toString outputPositions.${name}) (toJSON name) ];
              childPositions = positions (attrNames outputs.${name});
              child = childName: line ([ "C" ] ++ head ++ [
                (toString childPositions.${childName})
                (toJSON childName)
                (toJSON node.children.${childName})
              ]);
            in
            if kindOf name != null && node ? children then
              (if worker == 0 then line ([ "S" ] ++ head) else "")
              + concatStringsSep "" (map child (attrNames node.children))
            else line ([ "W" ] ++ head ++ [ (toJSON node) ]);
        in
        (if worker == 0 then line [ "D" (toJSON document.docs) ] else "")
        + concatStringsSep "" (map outputLines (attrNames inventory));
    in
    {
      outputs = listToAttrs (concatMap (name: cut name outputs.${name}) (attrNames outputs));
      inherit lines;
    };
}
