import { describe, expect, it } from 'vitest';
import { elementDeclarations } from '../src/declarations';
import { reactDeclarations, vueDeclarations } from '../src/framework-types';
import { type Manifest, publicElements } from '../src/manifest';

const words = new Set(['Phase', 'SxSelectDetail', 'SxDataLoadDetail', 'SxDataErrorDetail']);

/** A manifest of one element, `sx-gauge`, with what the analyzer writes for a widget. */
function manifest(overrides: { fieldType?: string; event?: string } = {}): Manifest {
  return {
    modules: [
      {
        path: 'src/gauge/gauge.ts',
        declarations: [
          {
            kind: 'class',
            name: 'SxGauge',
            tagName: 'sx-gauge',
            customElement: true,
            summary: 'A gauge.',
            attributes: [
              { name: 'as-of', fieldName: 'asOf', type: { text: 'string | undefined' } },
              { name: 'max-rows', fieldName: 'maxRows', type: { text: 'number | undefined' } },
              { name: 'lang', description: '`zh-CN` or `en`.' },
            ],
            members: [
              { kind: 'field', name: 'asOf', type: { text: 'string | undefined' } },
              { kind: 'field', name: 'maxRows', type: { text: 'number | undefined' } },
              { kind: 'field', name: 'state', readonly: true, type: { text: 'Phase' } },
              { kind: 'field', name: 'spare', privacy: 'private', type: { text: 'Secret' } },
              { kind: 'method', name: 'load', return: { type: { text: 'Promise<void>' } } },
              {
                kind: 'field',
                name: 'hint',
                type: { text: overrides.fieldType ?? 'string' },
              },
            ],
            events: [{ name: overrides.event ?? 'sx-select', description: 'Chosen.' }],
          },
        ],
      },
    ],
  };
}

describe('declarations generated from the manifest', () => {
  it('types the element, its tag, its attributes, events and public members only', () => {
    const text = elementDeclarations(publicElements(manifest()), words);
    expect(text).toContain("'sx-gauge': SxGauge;");
    expect(text).toContain("'sx-select': CustomEvent<SxSelectDetail>;");
    expect(text).toContain('readonly state: Phase;');
    expect(text).toContain('load(): Promise<void>;');
    expect(text).not.toContain('spare');
    expect(text).toContain("'max-rows'?: number | string;");
  });

  it('gives React and Vue the attributes, the properties and the listeners', () => {
    const elements = publicElements(manifest());
    const react = reactDeclarations(elements, words);
    expect(react).toContain("'as-of'?: string;");
    expect(react).toContain("'max-rows'?: number | string;");
    expect(react).toContain("'onsx-select'?: (event: CustomEvent<SxSelectDetail>) => void;");
    expect(react).toContain("'sx-gauge': ElementProps<SxGauge, SxGaugeProps>;");
    expect(react).not.toContain("'lang'?");
    const vue = vueDeclarations(elements, words);
    expect(vue).toContain("'asOf'?: string;");
    expect(vue).toContain("'onSxSelect'?: (event: CustomEvent<SxSelectDetail>) => void;");
    expect(vue).toContain("'sx-gauge': DefineComponent<SxGaugeVueProps>;");
  });

  it('refuses a type the package does not ship, and an event without a detail type', () => {
    expect(() =>
      elementDeclarations(publicElements(manifest({ fieldType: 'Hint | undefined' })), words),
    ).toThrow(/sx-gauge hint has the type Hint \| undefined, naming Hint/);
    expect(() =>
      elementDeclarations(publicElements(manifest({ event: 'sx-gauge-turned' })), words),
    ).toThrow(/sx-gauge fires sx-gauge-turned, which has no detail type/);
  });
});
