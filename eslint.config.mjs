import { readdirSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import prettier from 'eslint-config-prettier';

const root = import.meta.dirname;
const apps = readdirSync(path.join(root, 'apps'));
const libs = readdirSync(path.join(root, 'libs'));

/** The lib a file belongs to (libs/<lib>/…), or undefined outside libs/. */
const libOf = (file) => {
  const [top, lib] = path.relative(root, file).split(path.sep);
  return top === 'libs' ? lib : undefined;
};

/**
 * The resolver sees through relative paths, so `import/no-restricted-paths` cannot tell `@app/planning`
 * from `../../planning/src` (both land on the index). This rule looks at the written path instead.
 */
const libThroughAlias = {
  meta: {
    type: 'problem',
    messages: { relative: 'Import the {{lib}} lib through @app/{{lib}}, not by a relative path.' },
    schema: [],
  },
  create(context) {
    const importer = context.physicalFilename;
    const check = (source) => {
      if (!source || !source.value.startsWith('.')) return;
      const lib = libOf(path.resolve(path.dirname(importer), source.value));
      if (lib && lib !== libOf(importer))
        context.report({ node: source, messageId: 'relative', data: { lib } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : undefined),
    };
  },
};

/** The boundaries of docs/architecture.md; test/architecture.spec.ts checks the same over the tree. */
const boundaries = [
  {
    target: './libs/**',
    from: './apps/**',
    message: 'Libs never import apps: move what both need into a lib.',
  },
  ...apps.map((app) => ({
    target: `./apps/${app}/**`,
    from: apps.filter((other) => other !== app).map((other) => `./apps/${other}/**`),
    message: 'Apps never import each other: move what both need into a lib.',
  })),
  ...libs.map((lib) => ({
    target: `./libs/${lib}/**`,
    from: `./libs/!(${lib})/**`,
    except: ['**/libs/*/src/index.ts'],
    message: 'Another lib is used only through its index (@app/<lib>).',
  })),
  {
    target: ['./apps/**', './test/**', './bench/**'],
    from: './libs/**',
    except: ['**/libs/*/src/index.ts'],
    message: 'A lib is used only through its index (@app/<lib>).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs', 'jest.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { import: importPlugin, treffpunkt: { rules: { 'lib-through-alias': libThroughAlias } } },
    settings: {
      // Without these two the import plugin skips every .ts file it follows, so no-cycle never saw a cycle.
      'import/extensions': ['.ts', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'import/no-restricted-paths': ['error', { basePath: root, zones: boundaries }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/*/**'],
              message: 'A lib is used only through its index: import from @app/<lib>.',
            },
          ],
        },
      ],
      'treffpunkt/lib-through-alias': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'no-console': 'off',
    },
  },
);
