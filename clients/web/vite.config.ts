// JSX for Preact through oxc (Vite 8's transformer; the esbuild jsx settings are its former name).
// The app build: deterministic output (content hashes only, no timestamps) so CI can rebuild
// and compare with the committed dist/. The service worker is built next by vite.sw.config.ts.
import { defineConfig, type Plugin } from 'vite';

const DOC = /^export const (\w+) = new TypedDocumentString\(([\s\S]*?)\) as unknown as TypedDocumentString<[^\n]*>;$/gm;
const CLASS_ID = '\0gql-class';
const DOC_PREFIX = '\0gql-doc:';

/**
 * The generated documents (`src/gql/graphql.ts`, one module) went whole into the first
 * chunk every screen loads: all roles' operations on everyone's critical path. Here each
 * document becomes a module of its own (a pure `new TypedDocumentString(…)`), so it lands in
 * the chunk of the screens that use it; the types stay in graphql.ts for tsc.
 */
function splitDocuments(): Plugin {
  const docs = new Map<string, string>();
  return {
    name: 'tsunagu-split-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/gql/graphql.ts')) return null;
      const out = code.replace(DOC, (_, name: string, args: string) => {
        docs.set(name, args);
        return `export { ${name} } from '${DOC_PREFIX}${name}';`;
      });
      return { code: out, map: null };
    },
    resolveId(id) {
      return id === CLASS_ID || id.startsWith(DOC_PREFIX) ? id : null;
    },
    load(id) {
      if (id === CLASS_ID) {
        return 'export class TypedDocumentString extends String { constructor(value, meta) { super(value); this.value = value; this.__meta__ = meta; } toString() { return this.value; } }';
      }
      if (!id.startsWith(DOC_PREFIX)) return null;
      const name = id.slice(DOC_PREFIX.length);
      return `import { TypedDocumentString } from '${CLASS_ID}';\nexport const ${name} = /* @__PURE__ */ new TypedDocumentString(${docs.get(name)});\n`;
    },
  };
}

export default defineConfig({
  plugins: [splitDocuments()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
