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

// The elements declare their reactive properties in `static properties` (decorators cost bytes in
// the drop-in script). The analyser reads `state: true` entries there as attributes; they are the
// element's private state: drop them from the attributes, and their members' attribute names.
function privateStateIsNoAttribute() {
  return {
    name: 'tote-private-state-is-no-attribute',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          const internal = new Set(
            (decl.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
          );
          if (!decl.attributes || internal.size === 0) continue;
          decl.attributes = decl.attributes.filter((attribute) => !internal.has(attribute.fieldName));
          for (const member of decl.members) if (internal.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}

export default {
  // package.json names the manifest itself ("customElements"); the analyser must not rewrite it.
  packagejson: false,
  plugins: [resolveEventConstants(), privateStateIsNoAttribute()],
};
