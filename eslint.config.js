import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'stories/dist/**',
      'fixtures/generated/**',
      'bench/results/**',
      'dist-pack/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/directives/style-map.js',
              message:
                'styleMap writes a style attribute that a strict CSP blocks; use styleProps.',
            },
            {
              name: 'lit/directives/unsafe-html.js',
              message: 'Cell text is rendered as text, never as HTML.',
            },
          ],
        },
      ],
      // A style attribute is inline style, which `style-src 'self'` refuses; CSSOM writes are not.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TaggedTemplateExpression TemplateElement[value.raw=/\\sstyle\\s*=/]',
          message: 'A style attribute breaks under a strict CSP; use styleProps or a class.',
        },
        {
          selector:
            "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']",
          message: 'A style attribute breaks under a strict CSP; set properties on element.style.',
        },
      ],
    },
  },
);
