// Read by `cem analyze` (scripts/build.mjs passes the globs, --litelement and --outdir).
// One fix-up: an event fired with a constant name (`dispatchEvent(new CustomEvent(CART_REQUEST, …))`)
// is listed under the constant's name; resolve it to the string and merge it with the `@fires`
// entry of the same event, so the manifest (and docs/elements.md) names each event once.
function resolveEventConstants() {
  return {
    name: 'tote-resolve-event-constants',
    packageLinkPhase({ customElementsManifest }) {
      const constants = new Map();
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          const value = decl.kind === 'variable' && /^(['"])(tote-[a-z-]+)\1$/.exec(decl.default ?? '');
          if (value) constants.set(decl.name, value[2]);
        }
      }
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.events) continue;
          const byName = new Map();
          for (const event of decl.events) {
            const name = constants.get(event.name) ?? event.name;
            // The JSDoc entry (it has the description and the detail type) wins over what the
            // analyser inferred from the dispatchEvent call.
            const seen = byName.get(name);
            const [base, over] = seen?.description ? [event, seen] : [seen, event];
            byName.set(name, { ...base, ...over, name });
          }
          decl.events = [...byName.values()];
        }
      }
    },
  };
}

export default {
  // package.json names the manifest itself ("customElements"); the analyser must not rewrite it.
  packagejson: false,
  plugins: [resolveEventConstants()],
};
