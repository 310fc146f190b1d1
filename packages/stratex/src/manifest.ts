/** The public face of each element, read from custom-elements.json. */

interface TypeText {
  text: string;
}

interface ManifestMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'protected' | 'private';
  static?: boolean;
  readonly?: boolean;
  type?: TypeText;
  description?: string;
  return?: { type?: TypeText };
  parameters?: { name: string; type?: TypeText; optional?: boolean; default?: string }[];
}

interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  members?: ManifestMember[];
  attributes?: { name: string; fieldName?: string; type?: TypeText; description?: string }[];
  events?: { name: string; description?: string }[];
}

export interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

export interface ElementAttribute {
  name: string;
  /** The property the attribute sets, if it has one. */
  field: string | undefined;
  /** TypeScript type text; undefined when the element does not say. */
  type: string | undefined;
  description: string;
}

export interface ElementField {
  name: string;
  type: string;
  readonly: boolean;
  description: string;
}

export interface ElementMethod {
  name: string;
  parameters: string;
  returns: string;
  description: string;
}

export interface ElementEvent {
  name: string;
  description: string;
}

export interface PublicElement {
  tag: string;
  className: string;
  summary: string;
  attributes: ElementAttribute[];
  fields: ElementField[];
  methods: ElementMethod[];
  events: ElementEvent[];
}

const isPublic = (member: ManifestMember): boolean =>
  !member.static &&
  !member.name.startsWith('#') &&
  member.privacy !== 'private' &&
  member.privacy !== 'protected';

function parameterList(member: ManifestMember): string {
  return (member.parameters ?? [])
    .map((parameter) => {
      const optional = parameter.optional || parameter.default !== undefined ? '?' : '';
      return `${parameter.name}${optional}: ${parameter.type?.text ?? 'unknown'}`;
    })
    .join(', ');
}

/** Every custom element of the manifest, sorted by tag, with what a page may touch. */
export function publicElements(manifest: Manifest): PublicElement[] {
  const elements: PublicElement[] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const members = (declaration.members ?? []).filter(isPublic);
      const attributeText = new Map(
        (declaration.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.description ?? '']),
      );
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary ?? '',
        attributes: (declaration.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          field: attribute.fieldName,
          type: attribute.type?.text,
          description: attribute.description ?? '',
        })),
        fields: members
          .filter((member) => member.kind === 'field')
          .map((member) => ({
            name: member.name,
            type: member.type?.text ?? 'unknown',
            readonly: member.readonly === true,
            description: member.description || attributeText.get(member.name) || '',
          })),
        methods: members
          .filter((member) => member.kind === 'method')
          .map((member) => ({
            name: member.name,
            parameters: parameterList(member),
            returns: member.return?.type?.text ?? 'void',
            description: member.description ?? '',
          })),
        events: (declaration.events ?? []).map((event) => ({
          name: event.name,
          description: event.description ?? '',
        })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}
