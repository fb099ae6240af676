{
  description = "An example flake for a flakehub-push dry run: packages, a shell and a template for four systems";

  outputs = { self }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: builtins.listToAttrs (map (system: { name = system; value = f system; }) systems);
      # A derivation that needs no Nixpkgs: evaluating it costs nothing, building it is not needed.
      script = system: name: text: description:
        derivation {
          inherit name system;
          builder = "/bin/sh";
          args = [ "-c" "echo '${text}' > $out" ];
        } // { meta.description = description; };
    in
    {
      packages = forAllSystems (system: {
        default = script system "hello" "Hello from FlakeHub" "Says hello";
        goodbye = script system "goodbye" "Goodbye" "Says goodbye";
      });

      devShells = forAllSystems (system: {
        default = script system "shell" "" "A development environment";
      });

      templates.default = {
        path = ./.;
        description = "This very flake, as a template";
      };

      lib.greeting = "Hello";
    };
}
